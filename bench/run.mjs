#!/usr/bin/env node
// `npm run bench`: the project's benchmarks. Today one: parsing speed, native tree-sitter vs web-tree-sitter.
import { main as parseBench } from './parse.mjs';

await parseBench(process.argv.slice(2));
