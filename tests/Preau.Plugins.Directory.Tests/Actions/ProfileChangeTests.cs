using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Preau.Plugins.Directory.Plugin.Actions;
using Preau.Plugins.Graph;

namespace Preau.Plugins.Directory.Tests.Actions;

/// <summary>What a PATCH of a card does: names, display name following the names unless set by hand,
/// manual values remembered with what they replaced, functions checked.</summary>
public class ProfileChangeTests
{
    private static readonly AccountRecord Pupil = new()
    {
        Id = "p1",
        Login = "marie.dupont",
        FirstName = "Marie",
        LastName = "Dupont",
        DisplayName = "Marie Dupont",
        Profile = AccountProfile.Eleve,
        ExternalId = "123456789AB",
        Uai = "0990001Z",
    };

    private static readonly AccountRecord Teacher = Pupil with
    {
        Id = "t1",
        Login = "jean.martin",
        FirstName = "Jean",
        LastName = "Martin",
        DisplayName = "Jean Martin",
        Profile = AccountProfile.Enseignant,
    };

    private static ProfileEdit Edit(string json) =>
        ProfileEdit.Parse(JsonDocument.Parse(json).RootElement, out var error) ?? throw new AssertionException(error);

    private static ProfileChange Plan(AccountRecord account, string json, ManualFieldsDocument? document = null, bool self = false)
    {
        var change = ProfileChange.Plan(account, document, Edit(json), self, out var refused);
        Assert.That(refused, Is.Null, refused?.Reason);
        return change;
    }

    private static ActionDecision Refusal(AccountRecord account, string json, bool self = false)
    {
        ProfileChange.Plan(account, null, Edit(json), self, out var refused);
        Assert.That(refused, Is.Not.Null);
        return refused!;
    }

    [Test]
    public void FirstName_AutomaticDisplayNameFollows_AndTheFeedValueIsRemembered()
    {
        var change = Plan(Pupil, """{"firstName":"  Marion "}""");

        Assert.That((change.After.FirstName, change.After.DisplayName), Is.EqualTo(("Marion", "Marion Dupont")));
        Assert.That(change.Manual, Is.EqualTo(new Dictionary<string, string> { ["firstName"] = "Marion" }));
        Assert.That(change.Before, Is.EqualTo(new Dictionary<string, string> { ["firstName"] = "Marie" }));
        Assert.That(change.Changes, Is.EqualTo(new[] { "nom affiché « Marie Dupont » → « Marion Dupont »", "prénom « Marie » → « Marion »" }));
    }

    [Test]
    public void DisplayNameSetByHand_StaysWhenTheNamesChange_NullGivesItBackToTheNames()
    {
        var named = Plan(Pupil, """{"displayName":"Marie D."}""");
        var document = new ManualFieldsDocument(named.Manual, named.Before, DateTimeOffset.UnixEpoch, "admin");
        var renamed = Plan(named.After, """{"lastName":"Durand"}""", document);
        Assert.That((renamed.After.LastName, renamed.After.DisplayName), Is.EqualTo(("Durand", "Marie D.")));

        var cleared = Plan(renamed.After, """{"displayName":null}""", new ManualFieldsDocument(renamed.Manual, renamed.Before, DateTimeOffset.UnixEpoch, "admin"));
        Assert.That(cleared.After.DisplayName, Is.EqualTo("Marie Durand"));
        Assert.That(cleared.Manual.Keys, Is.EquivalentTo(new[] { "lastName" }));
    }

    [Test]
    public void NullOnANameSetByHand_BringsBackTheValueItReplaced()
    {
        var set = Plan(Pupil, """{"lastName":"Dupont-Moreau"}""");
        var back = Plan(set.After, """{"lastName":null}""", new ManualFieldsDocument(set.Manual, set.Before, DateTimeOffset.UnixEpoch, "admin"));

        Assert.That((back.After.LastName, back.After.DisplayName), Is.EqualTo(("Dupont", "Marie Dupont")));
        Assert.That(back.Manual, Is.Empty);
        Assert.That(back.Before, Is.Empty);
    }

    [Test]
    public void SameValueAsNow_ChangesNothingAndKeepsNothing()
    {
        var change = Plan(Pupil, """{"firstName":"Marie","function":"none"}""");

        Assert.That(change.Changes, Is.Empty);
        Assert.That(change.Manual, Is.Empty);
    }

    [Test]
    public void Function_OfATeacher_IsSetByName()
    {
        var change = Plan(Teacher, """{"function":"documentaliste"}""");

        Assert.That(change.After.Function, Is.EqualTo(AccountFunction.Documentaliste));
        Assert.That(change.Manual["function"], Is.EqualTo("Documentaliste"));
    }

    [TestCase("""{"function":"Cpe"}""", "pupil", StatusCodes.Status400BadRequest, "personnels")]
    [TestCase("""{"function":"Pirate"}""", "teacher", StatusCodes.Status400BadRequest, "Fonction inconnue")]
    [TestCase("""{"function":"3"}""", "teacher", StatusCodes.Status400BadRequest, "Fonction inconnue")]
    [TestCase("""{"function":"SupportAcademique"}""", "teacher", StatusCodes.Status400BadRequest, "DANE")]
    [TestCase("""{"function":"Direction"}""", "self", StatusCodes.Status409Conflict, "propre fonction")]
    public void Function_Refused(string json, string who, int status, string reason)
    {
        var refused = Refusal(who == "pupil" ? Pupil : Teacher, json, self: who == "self");

        Assert.That(refused.Status, Is.EqualTo(status));
        Assert.That(refused.Reason, Does.Contain(reason));
    }

    [TestCase("[]", "objet JSON")]
    [TestCase("""{"login":"x"}""", "Champ inconnu « login »")]
    [TestCase("""{"firstName":3}""", "doit être un texte")]
    [TestCase("""{"firstName":"   "}""", "de 1 à 100")]
    [TestCase("""{"lastName":"a\u0007b"}""", "contrôle")]
    public void Parse_RefusesBadBodies(string json, string reason)
    {
        Assert.That(ProfileEdit.Parse(JsonDocument.Parse(json).RootElement, out var error), Is.Null);
        Assert.That(error, Does.Contain(reason));
    }

    [Test]
    public void Parse_RefusesATooLongName()
    {
        var json = JsonSerializer.Serialize(new { displayName = new string('x', ProfileEdit.MaxLength + 1) });

        Assert.That(ProfileEdit.Parse(JsonDocument.Parse(json).RootElement, out var error), Is.Null);
        Assert.That(error, Does.Contain("100"));
    }
}
