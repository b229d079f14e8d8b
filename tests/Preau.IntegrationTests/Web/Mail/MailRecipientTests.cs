using System.Net;
using Preau.IntegrationTests.Infrastructure;

namespace Preau.IntegrationTests.Web.Mail;

/// <summary>Recipient suggestions (only whom the sender may write to) and checks (the rule's reason, the count after list expansion).</summary>
public class MailRecipientTests : SharedServerFixture
{
    [Test]
    public async Task Suggest_PupilTypingPupils_OnlyOwnClass()
    {
        using var client = await MailApiClient.SignInAsync(Server, "eleve.6a");
        var suggestions = (await client.GetJsonAsync("api/mail/recipients/suggest?q=eleve")).EnumerateArray().ToArray();
        var addresses = suggestions.Select(s => s.GetProperty("address").GetString()).ToArray();
        Assert.That(addresses, Does.Contain("eleve2.6a@demo.preau.test"));
        Assert.That(addresses, Does.Not.Contain("eleve.5b@demo.preau.test"));
        Assert.That(addresses, Does.Not.Contain("eleve.6a@demo.preau.test"), "not oneself");
        var check = await client.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "api/mail/recipients/check", new { addresses });
        Assert.That(check.GetProperty("recipients").EnumerateArray().All(r => r.GetProperty("allowed").GetBoolean()), Is.True, "every suggestion is allowed");
        var person = suggestions.First(s => s.GetProperty("address").GetString() == "eleve2.6a@demo.preau.test");
        Assert.That(person.GetProperty("kind").GetString(), Is.EqualTo("person"));
        Assert.That(person.GetProperty("detail").GetString(), Is.EqualTo("Élève · 6A"));
    }

    [Test]
    public async Task Suggest_TeacherTypingAClass_GetsItsLists()
    {
        using var client = await MailApiClient.SignInAsync(Server, "prof.maths");
        var suggestions = (await client.GetJsonAsync("api/mail/recipients/suggest?q=6a")).EnumerateArray().ToArray();
        var lists = suggestions.Where(s => s.GetProperty("kind").GetString() == "list").Select(s => s.GetProperty("address").GetString()).ToArray();
        Assert.That(lists, Does.Contain("eleves.6a@demo.preau.test").And.Contain("parents.6a@demo.preau.test"));
        Assert.That(lists, Does.Not.Contain("eleves.5b@demo.preau.test"));
        var pupils = suggestions.First(s => s.GetProperty("address").GetString() == "eleves.6a@demo.preau.test");
        Assert.That(pupils.GetProperty("name").GetString(), Is.EqualTo("Élèves de 6A"));
        Assert.That(pupils.GetProperty("detail").GetString(), Does.EndWith("destinataires"));
    }

    [Test]
    public async Task Suggest_PupilNeverGetsClassLists_OrAnotherClassesPupil()
    {
        using var client = await MailApiClient.SignInAsync(Server, "eleve.6a");
        var byClass = (await client.GetJsonAsync("api/mail/recipients/suggest?q=5b")).EnumerateArray().Select(s => s.GetProperty("address").GetString()).ToArray();
        Assert.That(byClass, Does.Not.Contain("eleves.5b@demo.preau.test").And.Not.Contain("eleve.5b@demo.preau.test"));
        var short1 = await client.GetJsonAsync("api/mail/recipients/suggest?q=e");
        Assert.That(short1.GetArrayLength(), Is.EqualTo(0), "one letter suggests nothing");
    }

    [Test]
    public async Task Check_RefusedPupil_ShowsReason_ListsCountMembers()
    {
        using var pupil = await MailApiClient.SignInAsync(Server, "eleve.6a");
        var result = await pupil.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "api/mail/recipients/check", new
        {
            addresses = new[] { "Élève Deux <eleve2.6a@demo.preau.test>", "eleve.5b@demo.preau.test", "pas-une-adresse" },
        });
        var recipients = result.GetProperty("recipients").EnumerateArray().ToArray();
        Assert.That(recipients[0].GetProperty("address").GetString(), Is.EqualTo("Élève Deux <eleve2.6a@demo.preau.test>"));
        Assert.That(recipients[0].GetProperty("allowed").GetBoolean(), Is.True);
        Assert.That(recipients[0].GetProperty("count").GetInt32(), Is.EqualTo(1));
        Assert.That(recipients[1].GetProperty("allowed").GetBoolean(), Is.False);
        Assert.That(recipients[1].GetProperty("reason").GetString(), Does.Contain("eleve-classe"));
        Assert.That(recipients[2].GetProperty("allowed").GetBoolean(), Is.False);
        Assert.That(recipients[2].GetProperty("reason").GetString(), Does.Contain("n'est pas une adresse valide"));
        Assert.That(result.GetProperty("total").GetInt32(), Is.EqualTo(1));
        Assert.That(result.GetProperty("limit").GetInt32(), Is.EqualTo(150));

        using var teacher = await MailApiClient.SignInAsync(Server, "prof.anglais");
        var lists = await teacher.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "api/mail/recipients/check", new
        {
            addresses = new[] { "eleves.6a@demo.preau.test", "eleves.5b@demo.preau.test", "eleve.6a@demo.preau.test" },
        });
        var counts = lists.GetProperty("recipients").EnumerateArray().Select(r => r.GetProperty("count").GetInt32()).ToArray();
        Assert.That(counts[0], Is.GreaterThan(1));
        Assert.That(counts[1], Is.GreaterThan(1));
        Assert.That(lists.GetProperty("total").GetInt32(), Is.EqualTo(counts[0] + counts[1]), "eleve.6a is already in eleves.6a: counted once");
    }
}
