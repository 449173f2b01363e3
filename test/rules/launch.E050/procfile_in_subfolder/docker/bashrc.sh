alias honcho="honcho -f docker/Procfile"
