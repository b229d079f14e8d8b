using System.Text.Json;
using Preau.IntegrationTests.Infrastructure;

namespace Preau.IntegrationTests.Web.Mail;

/// <summary>Server-sent events: new mail appears without reloading, for the caller's account only.</summary>
public class MailEventsTests : SharedServerFixture
{
    [Test]
    public async Task Events_SmtpDelivery_ToldToTheRecipientsStreamOnly()
    {
        using var client = await MailApiClient.SignInAsync(Server, "eleve.6a");
        var inbox = await client.FolderIdAsync("inbox");
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/events");
        using var response = await client.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/event-stream"));
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancel.Token));
        Assert.That(await reader.ReadLineAsync(cancel.Token), Is.EqualTo("retry: 5000"));

        // Mail for someone else first, then for the stream's account: the first event must be the second one.
        using (var smtp = await Server.SubmitAsync("prof.maths"))
        {
            await smtp.SendAsync(TestServer.Message("prof.maths", "eleve2.6a"));
            await smtp.SendAsync(TestServer.Message("prof.maths", "eleve.6a"));
            await smtp.DisconnectAsync(true);
        }

        string? line;
        while ((line = await reader.ReadLineAsync(cancel.Token)) is not null && line != "event: mail")
        {
        }

        Assert.That(line, Is.EqualTo("event: mail"));
        var data = await reader.ReadLineAsync(cancel.Token);
        Assert.That(data, Does.StartWith("data: "));
        using var json = JsonDocument.Parse(data!["data: ".Length..]);
        Assert.That(json.RootElement.GetProperty("folderId").GetString(), Is.EqualTo(inbox));
        Assert.That(json.RootElement.GetProperty("kind").GetString(), Is.EqualTo("added"));
        Assert.That(json.RootElement.GetProperty("uid").GetUInt32(), Is.GreaterThan(0));
    }

    [Test]
    public async Task Events_FlagChangeFromImap_ToldAsFlags()
    {
        var message = TestServer.Message("cpe", "eleve.5b");
        await MailApiClient.AppendAsync(Server, "eleve.5b", message);
        using var client = await MailApiClient.SignInAsync(Server, "eleve.5b");
        var inbox = await client.FolderIdAsync("inbox");
        var id = await client.MessageIdAsync(inbox, message.Subject);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var response = await client.Http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "api/events"), HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancel.Token));
        await reader.ReadLineAsync(cancel.Token);

        using (var imap = await Server.ImapAsync("eleve.5b"))
        {
            await imap.Inbox.OpenAsync(MailKit.FolderAccess.ReadWrite);
            var uid = (await imap.Inbox.SearchAsync(MailKit.Search.SearchQuery.SubjectContains(message.Subject!))).Single();
            await imap.Inbox.StoreAsync(uid, new MailKit.StoreFlagsRequest(MailKit.StoreAction.Add, MailKit.MessageFlags.Flagged) { Silent = true });
            await imap.DisconnectAsync(true);
        }

        string? line;
        while ((line = await reader.ReadLineAsync(cancel.Token)) is not null && !line.StartsWith("data: ", StringComparison.Ordinal))
        {
        }

        using var json = JsonDocument.Parse(line!["data: ".Length..]);
        Assert.That(json.RootElement.GetProperty("kind").GetString(), Is.EqualTo("flags"));
        Assert.That($"{json.RootElement.GetProperty("folderId").GetString()}-{json.RootElement.GetProperty("uid").GetUInt32()}", Is.EqualTo(id));
    }
}
