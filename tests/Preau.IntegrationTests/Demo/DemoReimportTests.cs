using System.Text;
using Preau.Core.Accounts;
using Preau.IntegrationTests.Infrastructure;
using Preau.IntegrationTests.Plugins;
using Preau.Server.Cli;
using Preau.Server.Hosting;

namespace Preau.IntegrationTests.Demo;

/// <summary>The exports <c>--demo</c> wrote under <c>data/demo/</c>, imported again by an
/// administrator with <c>preau import siecle|sts</c> into the running demo server: nothing changes,
/// and the fixed demo logins survive a re-import that changes a name.</summary>
public class DemoReimportTests
{
    private const string Plugin = "Preau.Plugins.Directory";

    static DemoReimportTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static string[] Exports(TestServer server, string feed) =>
        Directory.GetFiles(Path.Combine(DemoSeeder.ExportsDirectory(server.DataFolder), feed), "*.xml").Order(StringComparer.Ordinal).ToArray();

    private static RemoteReply Cli(TestServer server, params string[] words)
    {
        var reply = RemoteCli.TryRun(server.DataFolder, words);
        Assert.That(reply, Is.Not.Null, "the server answers on its admin socket");
        return reply!;
    }

    [Test]
    public async Task WrittenExports_DryRunAndImportAgain_ChangeNothing()
    {
        await using var server = await PluginServer.StartAsync([Plugin]);
        var before = server.Runtime.Directory.Graph.Data;
        var siecle = Exports(server, "siecle");
        var sts = Exports(server, "sts");
        Assert.That(siecle.Select(Path.GetFileName), Is.EqualTo(new[] { "ElevesSansAdresses.xml", "Nomenclature.xml", "ResponsablesAvecAdresses.xml", "Structures.xml" }));
        Assert.That(sts.Select(Path.GetFileName), Is.EqualTo(new[] { "sts_emp_0519999Z_2026.xml" }));

        var runs = new[]
        {
            Cli(server, ["import", "siecle", .. siecle, "--dry-run"]),
            Cli(server, ["import", "sts", .. sts, "--dry-run"]),
            Cli(server, ["import", "siecle", .. siecle]),
            Cli(server, ["import", "sts", .. sts]),
            Cli(server, ["import", "siecle", .. siecle, .. sts]),
        };

        var after = server.Runtime.Directory.Graph.Data;
        using (Assert.EnterMultipleScope())
        {
            foreach (var run in runs)
            {
                Assert.That(run.Exit, Is.Zero, run.Output);
                Assert.That(run.Output, Does.Contain("Aucun changement").And.Contain("0 écriture(s)"), run.Output);
            }

            Assert.That(runs[0].Output, Does.Contain("1\u202F640 comptes inchangés"), "pupils and responsables");
            Assert.That(runs[1].Output, Does.Contain("62 comptes inchangés"), "teachers and staff with an STS id");
            Assert.That(after.Accounts, Is.EqualTo(before.Accounts), "same ids, logins, states and passwords");
            Assert.That(after.Memberships, Is.EquivalentTo(before.Memberships));
            Assert.That(after.ParentLinks, Is.EquivalentTo(before.ParentLinks));
            Assert.That(after.Teachings, Is.EquivalentTo(before.Teachings));
            Assert.That(after.RubriqueMembers, Is.EquivalentTo(before.RubriqueMembers));
        }
    }

    [Test]
    public async Task Reimport_ThatRenamesPeople_KeepsEveryLoginAndTheDemoPassword()
    {
        await using var server = await PluginServer.StartAsync([Plugin]);
        var graph = server.Runtime.Directory.Graph;
        var persona = graph.FindByLogin("eleve.6a")!;
        var pupil = graph.Data.Accounts.First(a => a.Profile == Profile.Eleve && a.State == AccountState.NotActivated && graph.ClassOf(a.Id) == "6B");
        var folder = Path.Combine(Path.GetDirectoryName(server.DataFolder)!, Path.GetFileName(server.DataFolder) + "-renamed");
        Directory.CreateDirectory(folder);
        var files = Exports(server, "siecle").Select(f =>
        {
            var copy = Path.Combine(folder, Path.GetFileName(f));
            File.Copy(f, copy);
            return copy;
        }).ToArray();
        var eleves = files.Single(f => f.EndsWith("ElevesSansAdresses.xml", StringComparison.Ordinal));
        var latin9 = Encoding.GetEncoding("ISO-8859-15");
        var text = File.ReadAllText(eleves, latin9);
        text = Replace(text, $"<ID_NATIONAL>{persona.ExternalId}</ID_NATIONAL>", $"<PRENOM>{persona.FirstName}</PRENOM>", "<PRENOM>Élise</PRENOM>");
        text = Replace(text, $"<ID_NATIONAL>{pupil.ExternalId}</ID_NATIONAL>", $"<NOM_DE_FAMILLE>{pupil.LastName}</NOM_DE_FAMILLE>", "<NOM_DE_FAMILLE>Lemaître-Bœuf</NOM_DE_FAMILLE>");
        File.WriteAllText(eleves, text, latin9);

        var run = Cli(server, ["import", "siecle", .. files]);

        Assert.That(run.Exit, Is.Zero, run.Output);
        Assert.That(run.Output, Does.Contain("2 modifié(s)"), run.Output);
        var renamed = server.Runtime.Directory.Graph.FindById(persona.Id)!;
        var other = server.Runtime.Directory.Graph.FindById(pupil.Id)!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That((renamed.Login, renamed.FirstName, renamed.State), Is.EqualTo(("eleve.6a", "Élise", AccountState.Active)));
            Assert.That((other.Login, other.LastName), Is.EqualTo((pupil.Login, "Lemaître-Bœuf")));
        }

        using var imap = await server.ImapAsync("eleve.6a");
        Assert.That(imap.IsAuthenticated, Is.True, "the persona still logs in with the demo password");
    }

    /// <summary>Replaces <paramref name="old"/> with <paramref name="replacement"/> in the record that holds <paramref name="anchor"/>.</summary>
    private static string Replace(string text, string anchor, string old, string replacement)
    {
        var at = text.IndexOf(anchor, StringComparison.Ordinal);
        var start = text.LastIndexOf("<ELEVE ", at, StringComparison.Ordinal);
        var end = text.IndexOf("</ELEVE>", at, StringComparison.Ordinal);
        var record = text[start..end];
        Assert.That(record, Does.Contain(old));
        return text[..start] + record.Replace(old, replacement, StringComparison.Ordinal) + text[end..];
    }
}
