/**
 * Moved: the project model (files, imports, views, routes) lives in src/project/ (see project/model.ts).
 * This re-export keeps rules that still import from here working; import from '../project/model' instead.
 */
export * from '../project/model';
