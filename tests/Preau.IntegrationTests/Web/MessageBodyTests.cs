using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MimeKit;
using Preau.IntegrationTests.Infrastructure;

namespace Preau.IntegrationTests.Web;

/// <summary><c>GET /api/mail/messages/{id}/body</c>: the reading pane's HTML document, sanitised, with a
/// policy of its own (no scripts, a sandbox, remote images only when asked), and only for its owner.</summary>
public class MessageBodyTests : SharedServerFixture
{
    [Test]
    public async Task Body_IsSanitisedHtml_WithItsOwnPolicy_AndRemoteImagesOnlyWhenAsked()
    {
        var subject = await SendHtmlAsync("eleve.6a", "<p style=\"color:#b00000\">Bonjour</p><img src=\"https://img.example.org/x.png\"><script>alert(1)</script>");
        using var http = await SignInAsync("eleve.6a");
        var id = await MessageIdAsync(http, subject);

        using var blocked = await http.GetAsync($"/api/mail/messages/{id}/body");
        Assert.That(blocked.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(blocked.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/html"));
        var policy = blocked.Headers.GetValues("Content-Security-Policy").Single();
        Assert.That(policy, Does.StartWith("default-src 'none';").And.Contain("sandbox").And.Contain("img-src 'self' data:;").And.Contain("frame-ancestors 'self'"));
        Assert.That(policy, Does.Not.Contain("script-src").And.Not.Contain("allow-scripts").And.Not.Contain("https:"));
        var html = await blocked.Content.ReadAsStringAsync();
        Assert.That(html, Does.Contain("color: rgba(176, 0, 0, 1)").Or.Contain("color:#b00000").Or.Contain("color: #b00000"));
        Assert.That(html, Does.Not.Contain("<script").And.Not.Contain("https://img.example.org"));

        using var shown = await http.GetAsync($"/api/mail/messages/{id}/body?images=1");
        Assert.That(shown.Headers.GetValues("Content-Security-Policy").Single(), Does.Contain("img-src 'self' data: https: http:;"));
        Assert.That(await shown.Content.ReadAsStringAsync(), Does.Contain("https://img.example.org/x.png"));

        var seen = Server.Inbox("eleve.6a").Single(e => e.Summary.Subject == subject).Flags.HasFlag(Preau.Core.Mail.MessageFlags.Seen);
        Assert.That(seen, Is.False, "the frame's document does not mark the message read (the JSON read does)");
    }

    [Test]
    public async Task Body_OfAnotherUsersMessage_OrOfPlainText_Is404()
    {
        var subject = await SendHtmlAsync("eleve2.6a", "<p>Privé</p>");
        using var owner = await SignInAsync("eleve2.6a");
        var id = await MessageIdAsync(owner, subject);
        using var other = await SignInAsync("eleve.5b");
        using var stolen = await other.GetAsync($"/api/mail/messages/{id}/body");
        Assert.That(stolen.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await stolen.Content.ReadAsStringAsync(), Does.Not.Contain("Privé"));

        var plain = TestServer.Message("prof.maths", "eleve2.6a");
        using (var smtp = await Server.SubmitAsync("prof.maths"))
        {
            await smtp.SendAsync(plain);
        }

        using var text = await owner.GetAsync($"/api/mail/messages/{await MessageIdAsync(owner, plain.Subject!)}/body");
        Assert.That(text.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));

        using var anonymous = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Server.WebPort}") };
        using var unsigned = await anonymous.GetAsync($"/api/mail/messages/{id}/body");
        Assert.That(unsigned.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    private async Task<string> SendHtmlAsync(string to, string html)
    {
        var message = TestServer.Message("cpe", to);
        message.Body = new BodyBuilder { HtmlBody = html, TextBody = "Bonjour" }.ToMessageBody();
        using var smtp = await Server.SubmitAsync("cpe");
        await smtp.SendAsync(message);
        return message.Subject!;
    }

    private async Task<HttpClient> SignInAsync(string login)
    {
        var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }, disposeHandler: true)
        {
            BaseAddress = new Uri($"http://127.0.0.1:{Server.WebPort}"),
        };
        using var response = await http.PostAsJsonAsync("/api/session", new { login, password = TestServer.Password });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return http;
    }

    private static async Task<string> MessageIdAsync(HttpClient http, string subject)
    {
        using var folders = JsonDocument.Parse(await http.GetStringAsync("/api/mail/folders"));
        var inbox = folders.RootElement.EnumerateArray().Single(f => f.GetProperty("specialUse").GetString() == "inbox").GetProperty("id").GetString();
        using var list = JsonDocument.Parse(await http.GetStringAsync($"/api/mail/folders/{inbox}/messages?limit=200"));
        return list.RootElement.GetProperty("items").EnumerateArray().Single(m => m.GetProperty("subject").GetString() == subject).GetProperty("id").GetString()!;
    }
}
