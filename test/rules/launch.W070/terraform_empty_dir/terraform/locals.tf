locals {
  storage_path = "/srv/app/data"
}
