resource web 'Microsoft.Web/sites@2022-03-01' = {
  name: 'shop'
  location: location
  properties: {
    httpsOnly: true
    siteConfig: {
      appCommandLine: 'gunicorn app.wsgi'
    }
  }
}
