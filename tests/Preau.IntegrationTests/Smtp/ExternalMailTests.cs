using MailKit.Net.Smtp;
using Preau.IntegrationTests.Infrastructure;
using Preau.Server.Cli;

namespace Preau.IntegrationTests.Smtp;

/// <summary>External addresses: closed for pupils until the administrator opens them.</summary>
[Parallelizable(ParallelScope.None)]
public class ExternalMailTests
{
    [Test]
    public async Task Pupil_ExternalRecipient_RefusedThenAcceptedAfterOpeningTheirClass()
    {
        await using var server = await TestServer.StartAsync();
        using (var client = await server.SubmitAsync("eleve.6a"))
        {
            var ex = await Assert.ThrowsAsync<SmtpCommandException>(() => client.SendAsync(TestServer.Message("eleve.6a", "ami@exemple.org")));
            Assert.That((int)ex!.StatusCode, Is.EqualTo(550));
            Assert.That(ex.Message, Is.EqualTo("5.7.1 eleve.6a ne peut pas ecrire hors de l'etablissement : la messagerie externe est fermee pour les eleves"));
        }

        var output = new StringWriter();
        Assert.That(CliApp.Run(server.Runtime, ["policy", "external", "open", "--class", "6A"], output), Is.Zero, output.ToString());
        Assert.That(output.ToString(), Does.Contain("open for class 6A"));

        using (var client = await server.SubmitAsync("eleve.6a"))
        {
            await client.SendAsync(TestServer.Message("eleve.6a", "ami@exemple.org"));
        }

        Assert.That(server.Runtime.Store.GetAll().Single().Recipients, Is.EqualTo(new[] { "ami@exemple.org" }), "queued for the relay");

        // A pupil of another class is still closed.
        using var other = await server.SubmitAsync("eleve.5b");
        await Assert.ThrowsAsync<SmtpCommandException>(() => other.SendAsync(TestServer.Message("eleve.5b", "ami@exemple.org")));
    }

    [Test]
    public async Task Pupil_InboundFromOutside_FollowsTheSameOpening()
    {
        await using var server = await TestServer.StartAsync();
        using (var client = await server.InboundAsync())
        {
            var ex = await Assert.ThrowsAsync<SmtpCommandException>(() => client.SendAsync(TestServer.Message("ami@exemple.org", "eleve.6a")));
            Assert.That(ex!.Message, Does.StartWith("5.7.1 eleve.6a est un eleve et ne recoit pas de courrier de l'exterieur de l'etablissement"));
        }

        server.Runtime.Policy.SetExternalForLevel("6E", true, "test");
        using (var client = await server.InboundAsync())
        {
            var message = TestServer.Message("ami@exemple.org", "eleve.6a");
            await client.SendAsync(message);
            Assert.That(server.HasMessage("eleve.6a", message.Subject), Is.True);
        }
    }

    [Test]
    public async Task Parent_ExternalRecipient_AcceptedByDefault()
    {
        await using var server = await TestServer.StartAsync();
        using var client = await server.SubmitAsync("parent.6a");
        await client.SendAsync(TestServer.Message("parent.6a", "famille@exemple.org"));
        Assert.That(server.Runtime.Store.GetAll(), Has.Count.EqualTo(1));
    }
}
