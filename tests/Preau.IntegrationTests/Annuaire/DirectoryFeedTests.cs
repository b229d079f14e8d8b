using MailKit.Net.Smtp;
using Preau.Core.Accounts;
using Preau.IntegrationTests.Infrastructure;
using Preau.Plugins.Directory.Fixtures;
using Preau.Plugins.Directory.Model;
using Preau.Server.Cli;

namespace Preau.IntegrationTests.Annuaire;

/// <summary>Which feed may change what, on a real server: STSweb imported alone through the admin
/// socket, SIECLE through the in-process verb, and the school year's group-feeding option
/// (<c>PluginSettings:Preau.Plugins.Directory:GroupFeeding</c>) deciding whether SIECLE touches groups.</summary>
public class DirectoryFeedTests
{
    private const string GroupFeeding = "PluginSettings:" + ImportApi.Plugin + ":GroupFeeding";

    private static ImportSnapshot School() =>
        SyntheticSchool.Generate(new SyntheticSchoolOptions { Uai = ImportApi.Uai, Pupils = 150, PupilsPerClass = 25, Staff = 24 });

    private static string Sts(IEnumerable<string> files) => files.Single(f => Path.GetFileName(f).StartsWith("sts_emp_", StringComparison.Ordinal));

    [Test]
    public async Task StsAlone_ThroughTheAdminSocket_TeacherLeaves_PupilsAndParentsUntouched()
    {
        await using var server = await ImportApi.StartSchoolServerAsync();
        var school = School();
        var files = ImportApi.Exports(server, school, FixtureEncoding.Utf8, FixtureLayout.Files);
        var output = new StringWriter();
        var exit = CliApp.Run(server.Runtime, ["import", "siecle", .. files], output);
        Assert.That(exit, Is.Zero, output.ToString());
        Assert.That(output.ToString(), Does.Contain("ajouté"));

        var teacher = school.Staff.First(s => s.Kind == PersonKind.Enseignant && school.Services.Any(x => x.StaffExternalId == s.ExternalId));
        var account = ImportApi.Account(server, teacher.ExternalId);
        var before = server.Runtime.Directory.Graph.Data;
        var sts = Sts(ImportApi.Exports(server, SnapshotMutations.RemoveStaff(school, teacher.ExternalId), FixtureEncoding.Latin9, FixtureLayout.Files));

        var run = RemoteCli.TryRun(server.DataFolder, ["import", "sts", sts])!;

        Assert.That(run.Exit, Is.Zero, run.Output);
        Assert.That(run.Output, Does.Contain(account.Login));
        var after = server.Runtime.Directory.Graph.Data;
        Assert.That(after.Accounts.Single(a => a.Id == account.Id).State, Is.EqualTo(AccountState.Left));
        Assert.That(after.Teachings.Where(t => t.TeacherId == account.Id), Is.Empty);
        Assert.That(after.Accounts.Where(a => a.Profile is Profile.Eleve or Profile.Responsable), Is.EquivalentTo(before.Accounts.Where(a => a.Profile is Profile.Eleve or Profile.Responsable)));
        Assert.That(after.Memberships, Is.EquivalentTo(before.Memberships));
        Assert.That(after.ParentLinks, Is.EquivalentTo(before.ParentLinks));
        Assert.That(after.Structures.Select(s => s.Code), Is.EquivalentTo(before.Structures.Select(s => s.Code)));
    }

    [Test]
    public async Task EachVerb_RefusesFilesWithoutItsFeed_NothingApplied()
    {
        await using var server = await ImportApi.StartSchoolServerAsync();
        var files = ImportApi.Exports(server, School(), FixtureEncoding.Utf8, FixtureLayout.Files);
        var graph = server.Runtime.Directory.Graph;

        var siecleWithSts = RemoteCli.TryRun(server.DataFolder, ["import", "siecle", Sts(files)])!;
        var stsWithSiecle = RemoteCli.TryRun(server.DataFolder, ["import", "sts", .. files.Where(f => f != Sts(files))])!;

        Assert.That(siecleWithSts.Exit, Is.EqualTo(1), siecleWithSts.Output);
        Assert.That(siecleWithSts.Output, Does.Contain("Import refusé").And.Contain("ne contiennent pas d'export SIECLE"));
        Assert.That(stsWithSiecle.Exit, Is.EqualTo(1), stsWithSiecle.Output);
        Assert.That(stsWithSiecle.Output, Does.Contain("Import refusé").And.Contain("ne contiennent pas d'export STSweb"));
        Assert.That(server.Runtime.Directory.Graph, Is.SameAs(graph));
    }

    [Test]
    public async Task GroupFeeding_EdtKeepsGroupsSiecleLacks_SiecleRemovesThem()
    {
        Dictionary<string, string?> settings = null!;
        await using var server = await ImportApi.StartSchoolServerAsync(s => settings = s);
        var school = School();
        Import(server, school);
        var group = school.Structures.First(s => s.Type == StructureType.Group && school.Services.Any(x => x.StructureCode == s.Code));
        var graph = server.Runtime.Directory.Graph;
        var (members, teachers) = (graph.PupilsOf(group.Code).ToHashSet(), graph.TeachersOf(group.Code).ToHashSet());
        Assert.That(members, Is.Not.Empty);
        var moving = school.Pupils.First(p => !p.GroupCodes.Contains(group.Code));
        var newClass = school.Structures.First(s => s.Type == StructureType.Class && s.Code != moving.ClassCode).Code;
        var teacher = ImportApi.Activate(server, graph.FindById(teachers.First())!);

        // The school year's option becomes EDT: SIECLE's files no longer have the group.
        var moved = SnapshotMutations.MovePupil(school, moving.EleveId, newClass);
        var changed = moved with
        {
            Structures = [.. moved.Structures.Where(s => s.Code != group.Code)],
            Pupils = [.. moved.Pupils.Select(p => p with { GroupCodes = [.. p.GroupCodes.Where(g => g != group.Code)] })],
            Services = [.. moved.Services.Where(s => s.StructureCode != group.Code)],
        };
        settings[GroupFeeding] = "Edt";
        await server.RestartAsync();
        var edt = Import(server, changed);

        graph = server.Runtime.Directory.Graph;
        Assert.That(graph.FindStructure(group.Code), Is.Not.Null, "EDT owns the groups: SIECLE does not remove them");
        Assert.That(graph.PupilsOf(group.Code), Is.EquivalentTo(members), "nor change their members");
        Assert.That(graph.TeachersOf(group.Code), Is.EquivalentTo(teachers), "nor STSweb their services");
        Assert.That(graph.ClassOf(ImportApi.Account(server, moving.ExternalId).Id), Is.EqualTo(newClass), "classes are still SIECLE's");
        Assert.That(edt, Does.Contain("groupes sont gérés par EDT"));
        using (var smtp = await server.SubmitAsync(teacher))
        {
            var message = TestServer.Message(teacher, $"eleves.{group.Code.ToLowerInvariant()}");
            await smtp.SendAsync(message);
            Assert.That(server.HasMessage(graph.FindById(members.First())!.Login, message.Subject), Is.True, "the group's list still reaches its members");
        }

        // Back to SIECLE-fed groups: the same files now remove the group.
        settings[GroupFeeding] = "Siecle";
        await server.RestartAsync();
        _ = Import(server, changed);

        graph = server.Runtime.Directory.Graph;
        Assert.That(graph.FindStructure(group.Code), Is.Null);
        Assert.That(graph.Data.Memberships.Where(m => m.StructureCode == group.Code), Is.Empty);
        using (var smtp = await server.SubmitAsync(teacher))
        {
            var refused = await Assert.ThrowsAsync<SmtpCommandException>(() => smtp.SendAsync(TestServer.Message(teacher, $"eleves.{group.Code.ToLowerInvariant()}")));
            Assert.That(refused!.ErrorCode, Is.EqualTo(SmtpErrorCode.RecipientNotAccepted));
        }
    }

    [Test]
    public async Task GroupFeeding_UnknownValue_RefusesTheImportNamingTheSetting()
    {
        await using var server = await ImportApi.StartSchoolServerAsync(s => s[GroupFeeding] = "Edtt");
        var graph = server.Runtime.Directory.Graph;
        var run = RemoteCli.TryRun(server.DataFolder, ["import", "siecle", .. ImportApi.Exports(server, School())])!;

        Assert.That(run.Exit, Is.EqualTo(1), run.Output);
        Assert.That(run.Output, Does.Contain("Import refusé").And.Contain("GroupFeeding inconnu « Edtt »").And.Contain("EdtWithEntMembers"));
        Assert.That(server.Runtime.Directory.Graph, Is.SameAs(graph), "nothing applied");
    }

    private static string Import(TestServer server, ImportSnapshot snapshot)
    {
        var run = RemoteCli.TryRun(server.DataFolder, ["import", "siecle", .. ImportApi.Exports(server, snapshot)])!;
        Assert.That(run.Exit, Is.Zero, run.Output);
        return run.Output;
    }
}
