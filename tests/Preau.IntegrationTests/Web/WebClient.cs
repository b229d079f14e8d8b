using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Preau.IntegrationTests.Infrastructure;

namespace Preau.IntegrationTests.Web;

/// <summary>A browser, as far as the API sees it: a cookie jar, the CSRF token from sign-in, JSON.</summary>
internal sealed class WebClient : IDisposable
{
    private readonly HttpClient _http;

    public WebClient(TestServer server)
    {
        Cookies = new CookieContainer();
        _http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, UseCookies = true })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{server.WebPort}/"),
        };
    }

    public CookieContainer Cookies { get; }

    public string? Csrf { get; set; }

    /// <summary>Signs in (password "demo" unless told); returns the response, keeps the cookie and token.</summary>
    public async Task<HttpResponseMessage> SignInAsync(string login, string password = TestServer.Password)
    {
        var response = await _http.PostAsJsonAsync("api/session", new { login, password });
        if (response.IsSuccessStatusCode)
        {
            using var json = await Json(response);
            Csrf = json.RootElement.GetProperty("csrfToken").GetString();
        }

        return response;
    }

    /// <summary>A signed-in client; fails the test when signing in fails.</summary>
    public static async Task<WebClient> SignedInAsync(TestServer server, string login)
    {
        var client = new WebClient(server);
        using var response = await client.SignInAsync(login);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"sign-in of {login}");
        return client;
    }

    public Task<HttpResponseMessage> GetAsync(string path) => _http.GetAsync(path);

    /// <summary>A request with a JSON body (if any) and the CSRF header (unless <paramref name="csrf"/> is false).</summary>
    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null, bool csrf = true)
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = body as HttpContent ?? JsonContent.Create(body);
        }

        if (csrf && Csrf is not null)
        {
            request.Headers.Add("X-CSRF-Token", Csrf);
        }

        return _http.SendAsync(request);
    }

    public static async Task<JsonDocument> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync());

    public void Dispose() => _http.Dispose();
}
