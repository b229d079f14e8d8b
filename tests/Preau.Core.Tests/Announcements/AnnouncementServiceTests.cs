using Preau.Core.Accounts;
using Preau.Core.Announcements;
using Preau.Core.Rights;
using Preau.Core.Tests.Fakes;

namespace Preau.Core.Tests.Announcements;

public class AnnouncementServiceTests
{
    private static AnnouncementDraft Draft(PortalFixture f, string title = "Réunion", params Profile[] profiles) =>
        new(title, "<p>Jeudi</p>", f.Time.GetUtcNow(), f.Time.GetUtcNow().AddDays(7), profiles);

    [Test]
    public void Publish_ByTeacher_RefusedNamingTheRight()
    {
        var f = new PortalFixture();
        var ex = Assert.Throws<AnnouncementException>(() => f.Announcements.Publish(f.Get("prof.maths"), Draft(f)));
        Assert.That(ex!.MissingRight, Is.EqualTo(CoreRights.PublishAnnouncement));
        Assert.That(ex.Message, Does.Contain(CoreRights.PublishAnnouncement));
        Assert.That(f.Announcements.All, Is.Empty);
    }

    [Test]
    public void Publish_ByDirection_VisibleToItsProfilesWhileCurrent_AndAudited()
    {
        var f = new PortalFixture();
        var published = f.Announcements.Publish(f.Get("principal"), Draft(f, "Sortie", Profile.Eleve));
        Assert.That(f.Announcements.VisibleTo(f.Get("eleve.6a")), Is.EqualTo(new[] { published }));
        Assert.That(f.Announcements.VisibleTo(f.Get("parent.6a")), Is.Empty);
        Assert.That(f.Stores.AuditEntries.Single(e => e.Action == "announcement.publish").Actor, Is.EqualTo("principal"));

        f.Time.Advance(TimeSpan.FromDays(8));
        Assert.That(f.Announcements.VisibleTo(f.Get("eleve.6a")), Is.Empty, "ended");
        Assert.That(f.Announcements.All, Has.Count.EqualTo(1));
    }

    [Test]
    public void Publish_NoProfiles_IsForEveryone_FutureStartWaits()
    {
        var f = new PortalFixture();
        var now = f.Time.GetUtcNow();
        f.Announcements.Publish(f.Get("principal"), new AnnouncementDraft("Demain", "x", now.AddDays(1), now.AddDays(2), []));
        Assert.That(f.Announcements.VisibleTo(f.Get("parent.5b")), Is.Empty);
        f.Time.Advance(TimeSpan.FromDays(1));
        Assert.That(f.Announcements.VisibleTo(f.Get("parent.5b")), Has.Count.EqualTo(1));
        Assert.That(f.Announcements.VisibleTo(f.Get("agent")), Has.Count.EqualTo(1));
    }

    [Test]
    public void Publish_Invalid_RefusedInFrench()
    {
        var f = new PortalFixture();
        var principal = f.Get("principal");
        var now = f.Time.GetUtcNow();
        Assert.That(Assert.Throws<AnnouncementException>(() => f.Announcements.Publish(principal, Draft(f, " ")))!.Message, Does.Contain("titre"));
        Assert.That(Assert.Throws<AnnouncementException>(() => f.Announcements.Publish(principal, new("T", "b", now, now.AddHours(-1), [])))!.Message, Does.Contain("suivre"));
        Assert.That(Assert.Throws<AnnouncementException>(() => f.Announcements.Publish(principal, new("T", "b", now.AddDays(-3), now.AddDays(-2), [])))!.Message, Does.Contain("passée"));
        Assert.That(Assert.Throws<AnnouncementException>(() => f.Announcements.Publish(principal, new("T", "", now, now.AddDays(1), [])))!.Message, Does.Contain("texte"));
    }

    [Test]
    public void Delete_RemovesIt_UnknownIsNotFound_TeacherRefused()
    {
        var f = new PortalFixture();
        var published = f.Announcements.Publish(f.Get("principal"), Draft(f));
        Assert.That(Assert.Throws<AnnouncementException>(() => f.Announcements.Delete(f.Get("prof.maths"), published.Id))!.MissingRight, Is.Not.Null);
        f.Announcements.Delete(f.Get("principal"), published.Id);
        Assert.That(f.Announcements.All, Is.Empty);
        Assert.That(f.Stores.LoadAnnouncements(), Is.Empty);
        Assert.That(Assert.Throws<AnnouncementException>(() => f.Announcements.Delete(f.Get("principal"), published.Id))!.NotFound, Is.True);
    }

    [Test]
    public void Restart_LoadsTheStoredAnnouncements()
    {
        var f = new PortalFixture();
        var published = f.Announcements.Publish(f.Get("principal"), Draft(f));
        var reloaded = new AnnouncementService(f.Stores, f.Rights, f.Stores, f.Time);
        Assert.That(reloaded.Find(published.Id), Is.EqualTo(published));
    }
}
