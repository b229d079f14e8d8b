using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Preau.Benchmarks;

/// <summary>A signed-in webmail browser for the load tools: cookie, CSRF token, JSON.</summary>
internal sealed class WebClientSession : IDisposable
{
    private readonly HttpClient _http;
    private string _csrf = "";

    private WebClientSession(int port) =>
        _http = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), UseCookies = true, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}/"),
            Timeout = TimeSpan.FromSeconds(120),
        };

    public static async Task<WebClientSession> SignInAsync(int port, string login, string password)
    {
        var session = new WebClientSession(port);
        using var response = await session._http.PostAsJsonAsync("api/session", new { login, password });
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        session._csrf = json.RootElement.GetProperty("csrfToken").GetString()!;
        return session;
    }

    public async Task<JsonElement> GetAsync(string path)
    {
        using var response = await _http.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"GET {path}: {(int)response.StatusCode} {text}");
        }

        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task<JsonElement> SendAsync(HttpMethod method, string path, object body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body as HttpContent ?? JsonContent.Create(body) };
        request.Headers.Add("X-CSRF-Token", _csrf);
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{method} {path}: {(int)response.StatusCode} {text}");
        }

        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task<string> FolderAsync(string specialUse)
    {
        var folders = await GetAsync("api/mail/folders");
        return folders.EnumerateArray().First(f => f.GetProperty("specialUse").GetString() == specialUse).GetProperty("id").GetString()!;
    }

    public void Dispose() => _http.Dispose();
}
