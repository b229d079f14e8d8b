using MailKit.Net.Smtp;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Preau.Core.Accounts;
using Preau.Core.Graph;
using Preau.Demo;
using Preau.IntegrationTests.Infrastructure;
using Preau.Server.Hosting;

namespace Preau.IntegrationTests.Demo;

/// <summary>The demo school as <c>preau --demo</c> seeds it (the template every test server copies is
/// seeded by <see cref="DemoSeeder"/>): its SIECLE and STSweb exports imported by the directory
/// plugin give exactly the generated school, the personas log in and the README's scenarios hold.</summary>
public class DemoSeedingTests : SharedServerFixture
{
    [Test]
    public void SeededGraph_IsTheGeneratedSchool_WhateverIdsAndLoginsTheImporterChose()
    {
        var generated = DemoSchool.Generate();
        var seeded = Server.Runtime.Directory.Graph.Data;
        var match = new DemoGraphMatch(generated, seeded);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(match.Missing.Select(a => $"{a.Login} {a.Profile} {a.ExternalId}"), Is.Empty, "every generated person is in the directory");
            Assert.That(seeded.Accounts, Has.Count.EqualTo(generated.Accounts.Count), "nobody else is");
            Assert.That(match.Pairs.Select(p => p.Seeded.Id).Distinct().Count(), Is.EqualTo(match.Pairs.Count), "one account per person");
            Assert.That(match.Pairs.Select(p => DemoGraphMatch.Identity(p.Seeded)), Is.EqualTo(match.Pairs.Select(p => DemoGraphMatch.Identity(p.Generated))));
            Assert.That(seeded.Establishments, Is.EqualTo(generated.Establishments));
            Assert.That(seeded.Levels.OrderBy(l => l.Order), Is.EqualTo(generated.Levels));
            Assert.That(seeded.Subjects.OrderBy(s => s.Code, StringComparer.Ordinal), Is.EqualTo(generated.Subjects.OrderBy(s => s.Code, StringComparer.Ordinal)));
            Assert.That(DemoGraphMatch.Structures(seeded), Is.EqualTo(DemoGraphMatch.Structures(generated)));
            Assert.That(seeded.Rubriques, Is.EquivalentTo(generated.Rubriques));
            Assert.That(seeded.Memberships, Is.EquivalentTo(match.Memberships));
            Assert.That(seeded.ParentLinks, Is.EquivalentTo(match.ParentLinks), "parent links with their legal level");
            Assert.That(seeded.Teachings, Is.EquivalentTo(match.Teachings), "services with the professeurs principaux");
            Assert.That(seeded.RubriqueMembers, Is.EquivalentTo(match.RubriqueMembers));
        }
    }

    [Test]
    public void Personas_KeepTheirLoginsAndIds_OthersGetImportedLoginsAndActivationCodes()
    {
        var seeded = Server.Runtime.Directory.Graph;
        var personas = DemoSchool.Personas.Select(p => p.Login).ToHashSet(StringComparer.Ordinal);
        using (Assert.EnterMultipleScope())
        {
            foreach (var login in personas)
            {
                var account = seeded.FindByLogin(login);
                Assert.That(account, Is.Not.Null, login);
                Assert.That((account!.Id, account.State, account.PasswordHash is not null), Is.EqualTo(("acc-" + login, AccountState.Active, true)), login);
            }

            Assert.That(seeded.FindByLogin("principal.admin")!.PersonId, Is.EqualTo(seeded.FindByLogin("principal")!.PersonId).And.Not.Null);
            var others = seeded.Data.Accounts.Where(a => !personas.Contains(a.Login)).ToList();
            Assert.That(others.Select(a => (a.State, a.PasswordHash)).Distinct(), Is.EqualTo(new[] { (AccountState.NotActivated, (string?)null) }));
            Assert.That(others.Where(a => !System.Text.RegularExpressions.Regex.IsMatch(a.Login, "^[a-z0-9-]+\\.[a-z0-9-]+[0-9]*$")).Select(a => a.Login), Is.Empty, "prenom.nom");
            var codes = Path.Combine(DemoSeeder.ExportsDirectory(Server.DataFolder), "activation-codes");
            Assert.That(Directory.GetFiles(codes, "codes-*.csv"), Has.Length.EqualTo(25), "one sheet per class and one for the staff");
        }
    }

    [TestCase("principal")]
    [TestCase("principal.admin")]
    [TestCase("admin")]
    [TestCase("dane")]
    [TestCase("cpe")]
    [TestCase("prof.anglais")]
    [TestCase("prof.maths")]
    [TestCase("eleve.6a")]
    [TestCase("eleve2.6a")]
    [TestCase("eleve.5b")]
    [TestCase("parent.6a")]
    [TestCase("parent.5b")]
    public async Task Persona_LogsInOverImapWithTheDemoPassword(string login)
    {
        using var imap = await Server.ImapAsync(login);
        Assert.That(imap.IsAuthenticated, Is.True);
        await imap.DisconnectAsync(true);
    }

    [TestCase("eleve.6a", "eleve2.6a", true)]
    [TestCase("eleve.6a", "eleve.5b", false)]
    [TestCase("parent.5b", "prof.anglais", true)]
    [TestCase("parent.5b", "prof.maths", false)]
    public async Task ReadmeScenario_HoldsOverSmtp(string from, string to, bool allowed)
    {
        using var smtp = await Server.SubmitAsync(from);
        var message = TestServer.Message(from, to);
        if (allowed)
        {
            await smtp.SendAsync(message);
            Assert.That(Server.HasMessage(to, message.Subject), Is.True);
        }
        else
        {
            var refused = await Assert.ThrowsAsync<SmtpCommandException>(() => smtp.SendAsync(message));
            Assert.That(refused!.Message, Does.StartWith($"5.7.1 {from} ne peut pas ecrire a {to} : "));
            Assert.That(Server.HasMessage(to, message.Subject), Is.False);
        }
    }

    [Test]
    public void SeededFolder_IsNotSeededAgain_AndPassesThePersonaCheck()
    {
        var folder = DemoTemplate.NewDataFolder();
        using var runtime = Open(folder, DemoTemplate.PluginsFolder);
        var before = runtime.Directory.Graph.Data;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(DemoSeeder.SeedIfEmpty(runtime), Is.False);
            Assert.DoesNotThrow(() => DemoSeeder.EnsurePersonas(runtime.Directory));
            Assert.That(runtime.Directory.Graph.Data.Accounts, Is.EqualTo(before.Accounts));
        }
    }

    [Test]
    public void WithoutTheDirectoryPlugin_SeedingFailsClearly_AndWritesNothing()
    {
        var folder = Path.Combine(Path.GetDirectoryName(DemoTemplate.Folder)!, "no-plugin-" + Guid.NewGuid().ToString("N")[..8]);
        var plugins = folder + "-plugins";
        Directory.CreateDirectory(plugins);
        using var runtime = Open(folder, plugins);

        var error = Assert.Throws<DemoSeedException>(() => DemoSeeder.SeedIfEmpty(runtime));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error!.Message, Does.Contain("Preau.Plugins.Directory is not installed in " + plugins));
            Assert.That(runtime.Store.IsEmpty(), Is.True);
            Assert.That(Directory.Exists(DemoSeeder.ExportsDirectory(folder)), Is.False);
        }
    }

    [Test]
    public async Task WithTheDirectoryPluginDisabled_SeedingSaysHowToEnableIt()
    {
        var folder = Path.Combine(Path.GetDirectoryName(DemoTemplate.Folder)!, "disabled-" + Guid.NewGuid().ToString("N")[..8]);
        using var runtime = Open(folder, DemoTemplate.PluginsFolder);
        await runtime.Plugins.DisableAsync("Preau.Plugins.Directory", "test");

        var error = Assert.Throws<DemoSeedException>(() => DemoSeeder.SeedIfEmpty(runtime));

        Assert.That(error!.Message, Does.Contain("disabled").And.Contain("preau plugin enable Preau.Plugins.Directory"));
        Assert.That(runtime.Store.IsEmpty(), Is.True);
    }

    [Test]
    public void ImportRefusedByThePlugin_FailsWithItsReport_AndNoPupilIsCreated()
    {
        var folder = Path.Combine(Path.GetDirectoryName(DemoTemplate.Folder)!, "refused-" + Guid.NewGuid().ToString("N")[..8]);
        // The plugin imports only for another establishment: it refuses the demo's files.
        using var runtime = Open(folder, DemoTemplate.PluginsFolder, ("PluginSettings:Preau.Plugins.Directory:Uai", "0990001Z"));

        var error = Assert.Throws<DemoSeedException>(() => DemoSeeder.SeedIfEmpty(runtime));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error!.Message, Does.Contain("nothing of it was applied").And.Contain("Import refusé").And.Contain("0990001Z"));
            Assert.That(runtime.Directory.Graph.Data.Accounts.Where(a => a.Profile == Profile.Eleve).Select(a => a.Login),
                Is.EquivalentTo(new[] { "eleve.6a", "eleve2.6a", "eleve.5b" }), "only the fixed accounts, created before the import");
            Assert.Throws<Preau.Core.Directory.DirectoryException>(() => DemoSeeder.EnsurePersonas(runtime.Directory), "a restart says the seeding did not finish");
        }
    }

    private static PreauRuntime Open(string folder, string plugins, params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = folder,
            ["Mail:Domain"] = TestServer.Domain,
            ["Plugins:Directory"] = plugins,
        };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return PreauRuntime.Open(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), NullLoggerFactory.Instance);
    }
}
