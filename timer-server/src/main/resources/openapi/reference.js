// Renders the service's own OpenAPI document; everything is served by the service itself.
window.addEventListener('load', () => {
  window.ui = SwaggerUIBundle({
    url: '/openapi.json',
    dom_id: '#reference',
    deepLinking: true,
    tryItOutEnabled: false,
  });
});
