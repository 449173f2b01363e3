resource "azurerm_container_app" "web" {
  name = "web"

  template {
    volume {
      name         = "files"
      storage_name = "files"
      storage_type = "EmptyDir"
    }

    container {
      name  = "web"
      image = "registry.example.com/web:latest"

      volume_mounts {
        name = "files"
        path = local.storage_path
      }
    }
  }
}
