using MailKit.Net.Smtp;
using Preau.Core.Accounts;
using Preau.IntegrationTests.Infrastructure;

namespace Preau.IntegrationTests.Smtp;

/// <summary>Every row of the rule table, through a real submission with MailKit, for the demo personas.</summary>
public class SendingRulesTests : SharedServerFixture
{
    /// <summary>A teacher who teaches none of eleve.6a's classes and groups (so none of parent.6a's child's either).</summary>
    private string TeacherNotOf6A()
    {
        var graph = Server.Runtime.Directory.Graph;
        var pupil = graph.FindByLogin("eleve.6a")!;
        return graph.Data.Accounts
            .Where(a => a.Profile == Profile.Enseignant && graph.TaughtBy(a.Id).Count > 0)
            .First(a => !graph.TaughtBy(a.Id).Overlaps(graph.StructuresOf(pupil.Id)))
            .Login;
    }

    private static string PupilOf(TestServer server, string classCode, params string[] except)
    {
        var graph = server.Runtime.Directory.Graph;
        return graph.PupilsOf(classCode).Select(graph.FindById).OfType<Account>()
            .First(a => !except.Contains(a.Login) && graph.DiffusionRubriquesOf(a.Id).Count == 0).Login;
    }

    private async Task SendAndExpectDelivered(string from, string to)
    {
        using var client = await Server.SubmitAsync(from);
        var message = TestServer.Message(from, to);
        await client.SendAsync(message);
        await client.DisconnectAsync(true);
        Assert.That(Server.HasMessage(to, message.Subject), Is.True, $"{to} should have received the message from {from}");
    }

    private async Task SendAndExpectRefused(string from, string to, string because)
    {
        using var client = await Server.SubmitAsync(from);
        var message = TestServer.Message(from, to);
        var ex = await Assert.ThrowsAsync<SmtpCommandException>(() => client.SendAsync(message));
        Assert.That(ex!.ErrorCode, Is.EqualTo(SmtpErrorCode.RecipientNotAccepted));
        Assert.That((int)ex.StatusCode, Is.EqualTo(550));
        Assert.That(ex.Message, Does.StartWith($"5.7.1 {from} ne peut pas ecrire a {to} : ").And.Contain(because));
        Assert.That(Server.HasMessage(to, message.Subject), Is.False);
    }

    [Test]
    public Task Pupil_ToClassmate_Delivered() => SendAndExpectDelivered("eleve.6a", "eleve2.6a");

    [Test]
    public Task Pupil_ToPupilOfAnotherClass_Refused() =>
        SendAndExpectRefused("eleve.6a", PupilOf(Server, "5B", "eleve.5b"), "les eleves ecrivent aux eleves de leur classe (eleve-classe)");

    [Test]
    public Task Pupil_ToOwnParent_Delivered() => SendAndExpectDelivered("eleve.6a", "parent.6a");

    [Test]
    public Task Pupil_ToAnotherPupilsParent_Refused() =>
        SendAndExpectRefused("eleve.6a", "parent.5b", "les eleves ecrivent a leurs propres parents (eleve-parents)");

    [Test]
    public Task Pupil_ToOwnTeacher_Delivered() => SendAndExpectDelivered("eleve.6a", "prof.maths");

    [Test]
    public Task Pupil_ToTeacherWhoDoesNotTeachThem_Refused() =>
        SendAndExpectRefused("eleve.6a", TeacherNotOf6A(), "les eleves ecrivent aux enseignants de leur classe et de leurs groupes (eleve-enseignants)");

    [Test]
    public Task Pupil_ToStaff_Delivered() => SendAndExpectDelivered("eleve.6a", "cpe");

    [Test]
    public Task Parent_ToOwnChildsTeacher_Delivered() => SendAndExpectDelivered("parent.6a", "prof.anglais");

    [Test]
    public Task Parent_ToAnotherTeacher_Refused() =>
        SendAndExpectRefused("parent.6a", TeacherNotOf6A(), "les parents ecrivent aux enseignants de leurs enfants (parent-enseignants)");

    [Test]
    public Task Parent_ToStaff_Delivered() => SendAndExpectDelivered("parent.5b", "principal");

    [Test]
    public async Task Teacher_ToClassListTheyTeach_DeliveredToEveryPupil()
    {
        using var client = await Server.SubmitAsync("prof.maths");
        var message = TestServer.Message("prof.maths", "eleves.6a");
        await client.SendAsync(message);
        var graph = Server.Runtime.Directory.Graph;
        var pupils = graph.PupilsOf("6A").Select(id => graph.FindById(id)!).Where(a => a.CanReceive).ToArray();
        Assert.That(pupils, Has.Length.GreaterThan(20));
        Assert.That(pupils.All(p => Server.HasMessage(p.Login, message.Subject)), Is.True);
        Assert.That(Server.HasMessage("eleve.5b", message.Subject), Is.False);
    }

    [Test]
    public async Task Teacher_ToParentsListOfTaughtClass_DeliveredToParents()
    {
        using var client = await Server.SubmitAsync("prof.anglais");
        var message = TestServer.Message("prof.anglais", "parents.5b");
        await client.SendAsync(message);
        Assert.That(Server.HasMessage("parent.5b", message.Subject), Is.True);
        Assert.That(Server.HasMessage("parent.6a", message.Subject), Is.False);
    }

    [Test]
    public async Task Teacher_ToClassListTheyDoNotTeach_RefusedNamingTheListRule()
    {
        using var client = await Server.SubmitAsync("prof.maths");
        var ex = await Assert.ThrowsAsync<SmtpCommandException>(() => client.SendAsync(TestServer.Message("prof.maths", "eleves.5b")));
        Assert.That(ex!.Message, Does.StartWith("5.7.1 prof.maths ne peut pas utiliser la liste eleves.5b : ").And.Contain("listes-enseignants"));
    }

    [Test]
    public async Task Refusal_OneBadRecipient_OthersStillAcceptedInSameSession()
    {
        using var client = await Server.SubmitAsync("eleve.6a");
        var message = TestServer.Message("eleve.6a", "eleve2.6a");
        await Assert.ThrowsAsync<SmtpCommandException>(() => client.SendAsync(TestServer.Message("eleve.6a", "parent.5b")));
        await client.SendAsync(message);
        Assert.That(Server.HasMessage("eleve2.6a", message.Subject), Is.True);
    }
}
