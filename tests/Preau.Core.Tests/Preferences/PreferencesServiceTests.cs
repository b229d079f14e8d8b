using Preau.Core.Auth;
using Preau.Core.Preferences;
using Preau.Core.Tests.Fakes;

namespace Preau.Core.Tests.Preferences;

public class PreferencesServiceTests
{
    [Test]
    public void Update_SavesPreferences_AndTheNotificationAddressOnTheAccount()
    {
        var f = new PortalFixture();
        var cpe = f.Get("cpe");
        Assert.That(f.Preferences.Get(cpe), Is.EqualTo(new AccountSettings("", null, "fr")));
        var saved = f.Preferences.Update(cpe, new AccountSettings("Le CPE\r\n", " cpe@exemple.org ", "EN"));
        Assert.That(saved, Is.EqualTo(new AccountSettings("Le CPE", "cpe@exemple.org", "en")));
        Assert.That(f.Get("cpe").NotificationAddress, Is.EqualTo("cpe@exemple.org"), "what the notices read");
        Assert.That(f.Preferences.Get(cpe), Is.EqualTo(saved));
        Assert.That(f.Stores.AuditEntries.Single(e => e.Action == "account.notification").Actor, Is.EqualTo("cpe"));

        f.Preferences.Update(cpe, new AccountSettings("", "", "fr"));
        Assert.That(f.Get("cpe").NotificationAddress, Is.Null);
    }

    [TestCase("pas-une-adresse")]
    [TestCase("x@localhost")]
    [TestCase("Nom <x@exemple.org>")]
    [TestCase("x@exemple.org, y@exemple.org")]
    [TestCase("é@exemple.org")]
    [TestCase("x@ecole.test")]
    public void Update_BadNotificationAddress_Refused(string address)
    {
        var f = new PortalFixture();
        Assert.Throws<PreferencesException>(() => f.Preferences.Update(f.Get("cpe"), new AccountSettings("", address, "fr")));
        Assert.That(f.Get("cpe").NotificationAddress, Is.Null);
    }

    [Test]
    public void Update_BadLanguageOrSignature_Refused()
    {
        var f = new PortalFixture();
        Assert.Throws<PreferencesException>(() => f.Preferences.Update(f.Get("cpe"), new AccountSettings("", null, "de")));
        Assert.Throws<PreferencesException>(() => f.Preferences.Update(f.Get("cpe"), new AccountSettings(new string('x', 2001), null, "fr")));
        Assert.Throws<PreferencesException>(() => f.Preferences.Update(f.Get("cpe"), new AccountSettings("a\u0007b", null, "fr")));
    }

    [TestCase("court", "au moins 8")]
    [TestCase("CPE", "au moins 8")]
    [TestCase("prof.maths", "identifiant")]
    [TestCase("        ", "espaces")]
    public void Strength_RefusesWithAReason(string password, string reason)
    {
        var login = password == "prof.maths" ? "prof.maths" : "cpe";
        Assert.That(PasswordStrength.Weakness(password, login), Does.Contain(reason));
        Assert.That(PasswordStrength.Weakness("une phrase de passe", "cpe"), Is.Null);
    }

    [Test]
    public async Task PasswordChange_ChecksTheCurrentOne_ThenReplacesIt()
    {
        var f = new PortalFixture();
        f.Directory.SetPassword("cpe", "ancien-mot-de-passe", "test");
        var cpe = f.Get("cpe");
        Assert.That((await f.Authenticator.AuthenticateAsync("cpe", "ancien-mot-de-passe", "10.0.0.2")).Succeeded, Is.True, "cached now");

        var wrong = await Assert.ThrowsAsync<PasswordException>(() => f.Passwords.ChangeAsync(cpe, "faux", "nouveau-mot-de-passe", "10.0.0.2"));
        Assert.That(wrong!.Message, Does.Contain("actuel est incorrect"));
        Assert.That((await Assert.ThrowsAsync<PasswordException>(() => f.Passwords.ChangeAsync(cpe, "ancien-mot-de-passe", "court", "10.0.0.2")))!.Message, Does.Contain("au moins 8"));
        Assert.That((await Assert.ThrowsAsync<PasswordException>(() => f.Passwords.ChangeAsync(cpe, "ancien-mot-de-passe", "ancien-mot-de-passe", "10.0.0.2")))!.Message, Does.Contain("différent"));

        await f.Passwords.ChangeAsync(cpe, "ancien-mot-de-passe", "nouveau-mot-de-passe", "10.0.0.2");
        Assert.That((await f.Authenticator.AuthenticateAsync("cpe", "ancien-mot-de-passe", "10.0.0.2")).Succeeded, Is.False, "the cached old credential is gone");
        Assert.That((await f.Authenticator.AuthenticateAsync("cpe", "nouveau-mot-de-passe", "10.0.0.2")).Succeeded, Is.True);
        Assert.That(f.Stores.AuditEntries.Last(e => e.Action == "account.passwd").Detail, Is.EqualTo("cpe"));
    }
}
