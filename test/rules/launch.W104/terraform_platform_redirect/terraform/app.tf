resource "azurerm_container_app" "web" {
  name          = "web"
  revision_mode = "Single"

  ingress {
    allow_insecure_connections = false
    external_enabled           = true
    target_port                = 8000
  }
}
