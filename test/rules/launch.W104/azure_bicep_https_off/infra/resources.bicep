resource web 'Microsoft.Web/sites@2022-03-01' = {
  name: 'shop'
  properties: {
    httpsOnly: false
  }
}
