using System.Net;
using Preau.IntegrationTests.Infrastructure;

namespace Preau.IntegrationTests.Web;

/// <summary>Announcements: published by the holders of communication.publish-announcement, shown on the
/// home page of their audience only, while current, sanitised.</summary>
public class AnnouncementTests : SharedServerFixture
{
    private static object Draft(string title, string[] profiles, string? start = null, string end = "2099-12-31", string body = "<p>Réunion parents-professeurs <strong>jeudi</strong>.</p>") =>
        new { title, body, start, end, profiles };

    [Test]
    public async Task Publish_ByPrincipal_ShownToItsProfileOnly()
    {
        using var principal = await WebApiSession.SignInAsync(Server, "principal");
        var title = "Réunion " + Guid.NewGuid().ToString("N")[..6];
        var created = await principal.SendJsonAsync(HttpMethod.Post, "api/announcements", Draft(title, ["Eleve"]), HttpStatusCode.Created);
        Assert.That(created.GetProperty("author").GetString(), Is.EqualTo("Principal Démo"));

        using var pupil = await WebApiSession.SignInAsync(Server, "eleve.5b");
        var seen = (await pupil.GetJsonAsync("api/home")).GetProperty("announcements").EnumerateArray().Single(a => a.GetProperty("title").GetString() == title);
        Assert.That(seen.GetProperty("body").GetString(), Is.EqualTo("<p>Réunion parents-professeurs <strong>jeudi</strong>.</p>"));
        Assert.That(seen.GetProperty("id").GetString(), Is.EqualTo(created.GetProperty("id").GetString()));

        using var parent = await WebApiSession.SignInAsync(Server, "parent.5b");
        var parentTitles = (await parent.GetJsonAsync("api/home")).GetProperty("announcements").EnumerateArray().Select(a => a.GetProperty("title").GetString());
        Assert.That(parentTitles, Does.Not.Contain(title));
    }

    [Test]
    public async Task Publish_ByTeacher_Is403NamingTheRight()
    {
        using var teacher = await WebApiSession.SignInAsync(Server, "prof.maths");
        var refusal = await teacher.SendJsonAsync(HttpMethod.Post, "api/announcements", Draft("Interdit", []), HttpStatusCode.Forbidden);
        Assert.That(refusal.GetProperty("right").GetString(), Is.EqualTo("communication.publish-announcement"));
        Assert.That(refusal.GetProperty("error").GetString(), Does.Contain("communication.publish-announcement"));
        using var list = await teacher.GetAsync("api/announcements");
        Assert.That(list.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task Publish_FutureStart_NotShownYet_ButListedForThePublisher()
    {
        using var principal = await WebApiSession.SignInAsync(Server, "principal");
        var title = "Futur " + Guid.NewGuid().ToString("N")[..6];
        await principal.SendJsonAsync(HttpMethod.Post, "api/announcements", Draft(title, [], start: "2099-01-01"), HttpStatusCode.Created);

        using var pupil = await WebApiSession.SignInAsync(Server, "eleve.6a");
        var titles = (await pupil.GetJsonAsync("api/home")).GetProperty("announcements").EnumerateArray().Select(a => a.GetProperty("title").GetString());
        Assert.That(titles, Does.Not.Contain(title));
        var all = (await principal.GetJsonAsync("api/announcements")).EnumerateArray().Select(a => a.GetProperty("title").GetString());
        Assert.That(all, Does.Contain(title));
    }

    [Test]
    public async Task Publish_HostileHtml_IsSanitisedWhenShown()
    {
        using var principal = await WebApiSession.SignInAsync(Server, "principal");
        var title = "XSS " + Guid.NewGuid().ToString("N")[..6];
        const string body = "<p onclick=\"steal()\">Bonjour<script>alert(1)</script><img src=\"https://traceur.exemple/p.gif\"><a href=\"javascript:alert(2)\">x</a></p>";
        await principal.SendJsonAsync(HttpMethod.Post, "api/announcements", Draft(title, ["Enseignant"], body: body), HttpStatusCode.Created);

        using var teacher = await WebApiSession.SignInAsync(Server, "prof.anglais");
        var shown = (await teacher.GetJsonAsync("api/home")).GetProperty("announcements").EnumerateArray()
            .Single(a => a.GetProperty("title").GetString() == title).GetProperty("body").GetString();
        Assert.That(shown, Does.Contain("Bonjour"));
        Assert.That(shown, Does.Not.Contain("script").And.Not.Contain("onclick").And.Not.Contain("javascript:").And.Not.Contain("<img"));
    }

    [Test]
    public async Task Publish_Invalid_Is400WithReason()
    {
        using var principal = await WebApiSession.SignInAsync(Server, "principal");
        var noTitle = await principal.SendJsonAsync(HttpMethod.Post, "api/announcements", Draft("  ", []), HttpStatusCode.BadRequest);
        Assert.That(noTitle.GetProperty("error").GetString(), Does.Contain("titre"));
        var past = await principal.SendJsonAsync(HttpMethod.Post, "api/announcements", Draft("Passée", [], start: "2020-01-01", end: "2020-01-02"), HttpStatusCode.BadRequest);
        Assert.That(past.GetProperty("error").GetString(), Does.Contain("déjà passée"));
        var badProfile = await principal.SendJsonAsync(HttpMethod.Post, "api/announcements", Draft("Profil", ["Martien"]), HttpStatusCode.BadRequest);
        Assert.That(badProfile.GetProperty("error").GetString(), Does.Contain("Martien"));
    }

    [Test]
    public async Task Delete_RemovesFromHome_AndIsAudited()
    {
        using var principal = await WebApiSession.SignInAsync(Server, "principal");
        var title = "Éphémère " + Guid.NewGuid().ToString("N")[..6];
        var id = (await principal.SendJsonAsync(HttpMethod.Post, "api/announcements", Draft(title, []), HttpStatusCode.Created)).GetProperty("id").GetString();
        using (var deleted = await principal.SendAsync(HttpMethod.Delete, $"api/announcements/{id}"))
        {
            Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        }

        using (var again = await principal.SendAsync(HttpMethod.Delete, $"api/announcements/{id}"))
        {
            Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        }

        using var pupil = await WebApiSession.SignInAsync(Server, "eleve.6a");
        var titles = (await pupil.GetJsonAsync("api/home")).GetProperty("announcements").EnumerateArray().Select(a => a.GetProperty("title").GetString());
        Assert.That(titles, Does.Not.Contain(title));
        var audit = Server.Runtime.Audit.Recent(50);
        Assert.That(audit.Any(e => e.Action == "announcement.publish" && e.Actor == "principal" && e.Detail.Contains(title, StringComparison.Ordinal)), Is.True);
        Assert.That(audit.Any(e => e.Action == "announcement.delete" && e.Detail.Contains(title, StringComparison.Ordinal)), Is.True);
    }
}
