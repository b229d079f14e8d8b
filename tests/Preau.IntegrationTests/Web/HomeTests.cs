using System.Net;
using Preau.IntegrationTests.Infrastructure;

namespace Preau.IntegrationTests.Web;

/// <summary><c>GET /api/home</c>: recent mail delivered by SMTP and the announcements of the caller's profile.</summary>
public class HomeTests : SharedServerFixture
{
    [Test]
    public async Task Home_ShowsMailDeliveredBySmtp_NewestFirst()
    {
        var first = TestServer.Message("prof.maths", "eleve2.6a");
        var second = TestServer.Message("prof.anglais", "eleve2.6a");
        using (var smtp = await Server.SubmitAsync("prof.maths"))
        {
            await smtp.SendAsync(first);
        }

        using (var smtp = await Server.SubmitAsync("prof.anglais"))
        {
            await smtp.SendAsync(second);
        }

        using var web = await WebApiSession.SignInAsync(Server, "eleve2.6a");
        var home = await web.GetJsonAsync("api/home");
        var recent = home.GetProperty("recent").EnumerateArray().ToArray();
        Assert.That(recent, Has.Length.GreaterThanOrEqualTo(2).And.Length.LessThanOrEqualTo(10));
        Assert.That(recent[0].GetProperty("subject").GetString(), Is.EqualTo(second.Subject));
        Assert.That(recent[1].GetProperty("subject").GetString(), Is.EqualTo(first.Subject));
        Assert.That(recent[0].GetProperty("from").GetProperty("address").GetString(), Is.EqualTo("prof.anglais@demo.preau.test"));
        Assert.That(recent[0].GetProperty("to")[0].GetProperty("address").GetString(), Is.EqualTo("eleve2.6a@demo.preau.test"));
        Assert.That(recent[0].GetProperty("seen").GetBoolean(), Is.False);
        Assert.That(recent[0].GetProperty("uid").GetUInt32(), Is.GreaterThan(recent[1].GetProperty("uid").GetUInt32()));
        Assert.That(recent[0].GetProperty("id").GetString(), Is.Not.Empty.And.Not.EqualTo(recent[1].GetProperty("id").GetString()));
    }

    [Test]
    public async Task Home_ManyMessages_ShowsTheTenNewest()
    {
        using (var smtp = await Server.SubmitAsync("prof.maths"))
        {
            for (var i = 0; i < 14; i++)
            {
                var message = TestServer.Message("prof.maths", "eleve.6a");
                message.Subject = $"Devoir {i:00}";
                await smtp.SendAsync(message);
            }
        }

        using var web = await WebApiSession.SignInAsync(Server, "eleve.6a");
        var subjects = (await web.GetJsonAsync("api/home")).GetProperty("recent").EnumerateArray().Select(m => m.GetProperty("subject").GetString()).ToArray();
        Assert.That(subjects, Is.EqualTo(Enumerable.Range(4, 10).Reverse().Select(i => $"Devoir {i:00}")));
    }

    [Test]
    public async Task Home_WithoutSession_Is401()
    {
        using var http = WebApiSession.Anonymous(Server);
        using var response = await http.GetAsync("api/home");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }
}
