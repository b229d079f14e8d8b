using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MimeKit;
using Preau.IntegrationTests.Infrastructure;

namespace Preau.IntegrationTests.Web.Mail;

/// <summary>A signed-in browser for the mail API: cookie jar, CSRF token, JSON helpers.</summary>
internal sealed class MailApiClient : IDisposable
{
    private readonly HttpClient _http;

    private MailApiClient(TestServer server)
    {
        _http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), UseCookies = true })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{server.WebPort}/"),
            Timeout = TimeSpan.FromSeconds(60),
        };
    }

    public string Login { get; private set; } = "";

    public string? Csrf { get; private set; }

    public HttpClient Http => _http;

    /// <summary>A client signed in as <paramref name="login"/> (password "demo").</summary>
    public static async Task<MailApiClient> SignInAsync(TestServer server, string login)
    {
        var client = new MailApiClient(server) { Login = login };
        using var response = await client._http.PostAsJsonAsync("api/session", new { login, password = TestServer.Password });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"sign-in of {login}");
        using var json = await Json(response);
        client.Csrf = json.RootElement.GetProperty("csrfToken").GetString();
        return client;
    }

    /// <summary>A client without a session.</summary>
    public static MailApiClient Anonymous(TestServer server) => new(server);

    public Task<HttpResponseMessage> GetAsync(string path) => _http.GetAsync(path);

    /// <summary>A request with a JSON body (or given content) and the CSRF header unless <paramref name="csrf"/> is false.</summary>
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

    public Task<HttpResponseMessage> PostAsync(string path, object? body, bool csrf = true) => SendAsync(HttpMethod.Post, path, body, csrf);

    /// <summary>GET, expecting 200, as JSON.</summary>
    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await _http.GetAsync(path);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"GET {path}: {await response.Content.ReadAsStringAsync()}");
        return (await Json(response)).RootElement.Clone();
    }

    /// <summary>A request expecting <paramref name="status"/>; its JSON body (or an empty object).</summary>
    public async Task<JsonElement> ExpectAsync(HttpStatusCode status, HttpMethod method, string path, object? body = null)
    {
        using var response = await SendAsync(method, path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(status), $"{method} {path}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The caller's folders.</summary>
    public async Task<JsonElement[]> FoldersAsync() => (await GetJsonAsync("api/mail/folders")).EnumerateArray().ToArray();

    /// <summary>The id of the folder with this special use ("inbox", "sent"…).</summary>
    public async Task<string> FolderIdAsync(string specialUse) =>
        (await FoldersAsync()).Single(f => f.GetProperty("specialUse").GetString() == specialUse).GetProperty("id").GetString()!;

    /// <summary>The list items of a folder (first page of 200, newest first).</summary>
    public async Task<JsonElement[]> ItemsAsync(string folderId, string query = "") =>
        (await GetJsonAsync($"api/mail/folders/{folderId}/messages?limit=200{query}")).GetProperty("items").EnumerateArray().ToArray();

    /// <summary>The id of the message with this subject in a folder (waits briefly for a delivery to be listed).</summary>
    public async Task<string> MessageIdAsync(string folderId, string? subject)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var item = (await ItemsAsync(folderId)).FirstOrDefault(i => i.GetProperty("subject").GetString() == subject);
            if (item.ValueKind == JsonValueKind.Object)
            {
                return item.GetProperty("id").GetString()!;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"no message '{subject}' in folder {folderId} of {Login}");
        return "";
    }

    /// <summary>Puts a message in the user's INBOX with IMAP APPEND (MailKit), as any client could.</summary>
    public static async Task AppendAsync(TestServer server, string login, MimeMessage message, MailKit.MessageFlags flags = MailKit.MessageFlags.None)
    {
        using var imap = await server.ImapAsync(login);
        await imap.Inbox.AppendAsync(new MailKit.AppendRequest(message, flags));
        await imap.DisconnectAsync(true);
    }

    public static async Task<JsonDocument> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync());

    public void Dispose() => _http.Dispose();
}
