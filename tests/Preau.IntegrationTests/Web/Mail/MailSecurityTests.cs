using System.Net;
using System.Net.Http.Json;
using Preau.IntegrationTests.Infrastructure;

namespace Preau.IntegrationTests.Web.Mail;

/// <summary>What the mail API refuses: no session, no CSRF token, another user's ids, bad input, missing rights.</summary>
public class MailSecurityTests : SharedServerFixture
{
    [TestCase("api/mail/folders")]
    [TestCase("api/mail/folders/1/messages")]
    [TestCase("api/mail/messages/1-1")]
    [TestCase("api/mail/recipients/suggest?q=prof")]
    [TestCase("api/events")]
    public async Task Get_WithoutSession_Unauthorized(string path)
    {
        using var anonymous = MailApiClient.Anonymous(Server);
        using var response = await anonymous.GetAsync(path);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        using var json = await MailApiClient.Json(response);
        Assert.That(json.RootElement.GetProperty("error").GetString(), Does.Contain("connecter"));
    }

    [TestCase("api/mail/messages/flags")]
    [TestCase("api/mail/messages/move")]
    [TestCase("api/mail/messages/delete")]
    [TestCase("api/mail/send")]
    [TestCase("api/mail/folders")]
    [TestCase("api/mail/recipients/check")]
    public async Task Post_WithoutCsrfToken_Forbidden(string path)
    {
        using var client = await MailApiClient.SignInAsync(Server, "eleve.6a");
        var inbox = await client.FolderIdAsync("inbox");
        using var response = await client.PostAsync(path, new { ids = new[] { $"{inbox}-1" }, name = "x", addresses = new[] { "eleve2.6a@demo.preau.test" }, to = new[] { "eleve2.6a@demo.preau.test" } }, csrf: false);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        using var json = await MailApiClient.Json(response);
        Assert.That(json.RootElement.GetProperty("error").GetString(), Does.Contain("CSRF"));
    }

    [Test]
    public async Task Post_WithAnotherSessionsCsrfToken_Forbidden()
    {
        using var pupil = await MailApiClient.SignInAsync(Server, "eleve.6a");
        using var other = await MailApiClient.SignInAsync(Server, "eleve2.6a");
        var request = new HttpRequestMessage(HttpMethod.Post, "api/mail/folders") { Content = JsonContent.Create(new { name = "Volé" }) };
        request.Headers.Add("X-CSRF-Token", other.Csrf);
        using var response = await pupil.Http.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await pupil.FoldersAsync()).Any(f => f.GetProperty("name").GetString() == "Volé"), Is.False);
    }

    [Test]
    public async Task AnotherUsersMessage_NotFoundEverywhere_AndUntouched()
    {
        var message = TestServer.Message("prof.maths", "eleve2.6a");
        await MailApiClient.AppendAsync(Server, "eleve2.6a", message);
        using var owner = await MailApiClient.SignInAsync(Server, "eleve2.6a");
        var ownerInbox = await owner.FolderIdAsync("inbox");
        var id = await owner.MessageIdAsync(ownerInbox, message.Subject);

        using var intruder = await MailApiClient.SignInAsync(Server, "eleve.6a");
        var intruderInbox = await intruder.FolderIdAsync("inbox");
        foreach (var path in new[] { $"api/mail/messages/{id}", $"api/mail/messages/{id}/raw", $"api/mail/messages/{id}/attachments/1", $"api/mail/folders/{ownerInbox}/messages" })
        {
            using var response = await intruder.GetAsync(path);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), path);
        }

        await intruder.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Post, "api/mail/messages/flags", new { ids = new[] { id }, seen = true, flagged = true });
        await intruder.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Post, "api/mail/messages/move", new { ids = new[] { id }, folderId = intruderInbox });
        await intruder.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Post, "api/mail/messages/delete", new { ids = new[] { id } });
        await intruder.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Post, "api/mail/messages/move", new { ids = new[] { $"{intruderInbox}-999999" }, folderId = ownerInbox });
        await intruder.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Patch, $"api/mail/folders/{ownerInbox}", new { name = "Pris" });
        await intruder.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Delete, $"api/mail/drafts/{id}");
        await intruder.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Post, "api/mail/send", new { to = new[] { "eleve2.6a@demo.preau.test" }, subject = "Re", text = "x", replyTo = id });
        await intruder.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Post, "api/mail/send", new { to = new[] { "eleve2.6a@demo.preau.test" }, subject = "Fwd", text = "x", attachments = new[] { $"{id}/1" } });

        var item = (await owner.ItemsAsync(ownerInbox)).Single(i => i.GetProperty("id").GetString() == id);
        Assert.That(item.GetProperty("seen").GetBoolean(), Is.False);
        Assert.That(item.GetProperty("flagged").GetBoolean(), Is.False);
    }

    [Test]
    public async Task AnotherSessionsUpload_NotFound()
    {
        using var first = await MailApiClient.SignInAsync(Server, "eleve.6a");
        using var second = await MailApiClient.SignInAsync(Server, "eleve.6a");
        using var content = new MultipartFormDataContent { { new ByteArrayContent("secret"u8.ToArray()), "file", "secret.txt" } };
        var upload = await first.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "api/mail/uploads", content);
        var id = upload.GetProperty("id").GetString();
        await second.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Post, "api/mail/send", new { to = new[] { "eleve2.6a@demo.preau.test" }, subject = "x", text = "x", attachments = new[] { id } });
        await second.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Delete, $"api/mail/uploads/{id}");
    }

    [TestCase("api/mail/messages/flags", "{")]
    [TestCase("api/mail/messages/flags", "{\"ids\": \"pas une liste\", \"seen\": true}")]
    [TestCase("api/mail/messages/flags", "{\"ids\": []}")]
    [TestCase("api/mail/messages/move", "{\"ids\": [\"1-1\"]}")]
    [TestCase("api/mail/send", "[1, 2]")]
    [TestCase("api/mail/send", "{\"to\": [\"pas une adresse\"], \"subject\": \"x\", \"text\": \"x\"}")]
    [TestCase("api/mail/send", "{\"subject\": \"personne\", \"text\": \"x\"}")]
    [TestCase("api/mail/folders", "{\"name\": \"a/b\"}")]
    [TestCase("api/mail/folders", "{\"name\": \"\"}")]
    [TestCase("api/mail/recipients/check", "{\"addresses\": null}")]
    public async Task BadBody_BadRequest_WithFrenchError(string path, string body)
    {
        using var client = await MailApiClient.SignInAsync(Server, "eleve.6a");
        var json = await client.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Post, path, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.That(json.GetProperty("error").GetString(), Is.Not.Empty);
    }

    [TestCase("sort=nom")]
    [TestCase("order=up")]
    [TestCase("offset=-1")]
    [TestCase("limit=0")]
    [TestCase("limit=100000")]
    [TestCase("unread=peut-etre")]
    public async Task List_BadQuery_BadRequest(string query)
    {
        using var client = await MailApiClient.SignInAsync(Server, "eleve.6a");
        var inbox = await client.FolderIdAsync("inbox");
        await client.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Get, $"api/mail/folders/{inbox}/messages?{query}");
    }

    [TestCase("api/mail/messages/not-an-id")]
    [TestCase("api/mail/messages/99999999-1")]
    [TestCase("api/mail/messages/-1")]
    [TestCase("api/mail/folders/99999999/messages")]
    public async Task UnknownIds_NotFound(string path)
    {
        using var client = await MailApiClient.SignInAsync(Server, "eleve.6a");
        await client.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Get, path);
    }

    [Test]
    public async Task Send_WithoutTheSendRight_ForbiddenNamingTheRight_AndNothingSent()
    {
        Server.Runtime.Rights.SetGrant("messagerie.send", Preau.Core.Rights.Grantee.ForProfile(Preau.Core.Accounts.Profile.Eleve), false, "test");
        try
        {
            using var client = await MailApiClient.SignInAsync(Server, "eleve.5b");
            var subject = "Sans droit " + Guid.NewGuid().ToString("N")[..8];
            var json = await client.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Post, "api/mail/send", new { to = new[] { "cpe@demo.preau.test" }, subject, text = "x" });
            Assert.That(json.GetProperty("right").GetString(), Is.EqualTo("messagerie.send"));
            Assert.That(Server.HasMessage("cpe", subject), Is.False);
        }
        finally
        {
            Server.Runtime.Rights.ResetGrant("messagerie.send", Preau.Core.Rights.Grantee.ForProfile(Preau.Core.Accounts.Profile.Eleve), "test");
        }
    }

    [Test]
    public async Task Mail_WithoutTheReadRight_Forbidden()
    {
        Server.Runtime.Rights.SetGrant("messagerie.read", Preau.Core.Rights.Grantee.ForProfile(Preau.Core.Accounts.Profile.Responsable), false, "test");
        try
        {
            using var client = await MailApiClient.SignInAsync(Server, "parent.5b");
            var json = await client.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Get, "api/mail/folders");
            Assert.That(json.GetProperty("right").GetString(), Is.EqualTo("messagerie.read"));
        }
        finally
        {
            Server.Runtime.Rights.ResetGrant("messagerie.read", Preau.Core.Rights.Grantee.ForProfile(Preau.Core.Accounts.Profile.Responsable), "test");
        }
    }
}
