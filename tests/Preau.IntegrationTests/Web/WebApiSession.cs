using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Preau.IntegrationTests.Infrastructure;

namespace Preau.IntegrationTests.Web;

/// <summary>A browser signed in to the JSON API over the real HTTP listener: the session cookie in a
/// cookie jar, the CSRF token sent on every state-changing request.</summary>
internal sealed class WebApiSession : IDisposable
{
    private readonly HttpClient _http;

    private WebApiSession(HttpClient http, string csrfToken, JsonElement info)
    {
        _http = http;
        CsrfToken = csrfToken;
        Info = info;
    }

    public string CsrfToken { get; }

    /// <summary>The sign-in answer.</summary>
    public JsonElement Info { get; }

    /// <summary>A fresh client (no cookie) on the server's web port.</summary>
    public static HttpClient Anonymous(TestServer server) =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), UseCookies = true })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{server.WebPort}/"),
        };

    /// <summary>Signs in; fails the test when the server refuses.</summary>
    public static async Task<WebApiSession> SignInAsync(TestServer server, string login, string password = TestServer.Password)
    {
        var http = Anonymous(server);
        using var response = await http.PostAsJsonAsync("api/session", new { login, password });
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            http.Dispose();
            Assert.Fail($"sign-in of {login} refused: {(int)response.StatusCode} {text}");
        }

        var info = JsonDocument.Parse(text).RootElement.Clone();
        return new WebApiSession(http, info.GetProperty("csrfToken").GetString()!, info);
    }

    public Task<HttpResponseMessage> GetAsync(string path) => _http.GetAsync(path);

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-CSRF-Token", CsrfToken);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return _http.SendAsync(request);
    }

    /// <summary>GET, expecting 200 and JSON.</summary>
    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await GetAsync(path);
        return await JsonAsync(response, HttpStatusCode.OK);
    }

    /// <summary>A state-changing request expecting <paramref name="status"/>; its JSON body (default when empty).</summary>
    public async Task<JsonElement> SendJsonAsync(HttpMethod method, string path, object? body, HttpStatusCode status = HttpStatusCode.OK)
    {
        using var response = await SendAsync(method, path, body);
        return await JsonAsync(response, status);
    }

    /// <summary>Checks the status (failing with the body) and parses the JSON body, if any.</summary>
    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(status), $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public void Dispose() => _http.Dispose();
}
