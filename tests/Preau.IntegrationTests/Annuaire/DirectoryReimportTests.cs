using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using MailKit.Net.Smtp;
using MailKit.Security;
using Preau.Core.Accounts;
using Preau.Core.Storage;
using Preau.IntegrationTests.Infrastructure;
using Preau.IntegrationTests.Plugins;
using Preau.Plugins.Directory.Fixtures;

namespace Preau.IntegrationTests.Annuaire;

/// <summary>A full import through the API, then a re-import with a school year's changes
/// (<see cref="ReimportScenario"/>), checked where it matters: over SMTP and IMAP with MailKit, and
/// in the graph the sending policy reads.</summary>
public class DirectoryReimportTests
{
    private ReimportScenario _s = null!;

    private TestServer Server => _s.Server;

    [OneTimeSetUp]
    public async Task ImportTwiceAsync() => _s = await ReimportScenario.RunAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _s.DisposeAsync();

    private static string List(string kind, string code) => $"{kind}.{code.ToLowerInvariant()}";

    private async Task<string> SendAsync(string from, string to)
    {
        using var smtp = await Server.SubmitAsync(from);
        var message = TestServer.Message(from, to);
        await smtp.SendAsync(message);
        return message.Subject!;
    }

    private async Task RefusedAsync(string from, string to)
    {
        using var smtp = await Server.SubmitAsync(from);
        var refused = await Assert.ThrowsAsync<SmtpCommandException>(() => smtp.SendAsync(TestServer.Message(from, to)));
        Assert.That(refused!.ErrorCode, Is.EqualTo(SmtpErrorCode.RecipientNotAccepted), $"{from} → {to}");
    }

    private static IEnumerable<string> Logins(JsonElement report, string part) =>
        report.GetProperty(part).EnumerateArray().Select(a => a.GetProperty("login").GetString()!);

    [Test]
    public async Task PupilChangedClass_NewClassListTeacherAndClassmatesReachThem_OldClassListDoesNot()
    {
        var pupil = _s.Find(_s.Pupil);
        Assert.That(Server.Runtime.Directory.Graph.ClassOf(pupil.Id), Is.EqualTo(_s.NewClass));

        var fromNewTeacher = await SendAsync(_s.NewTeacher, List("eleves", _s.NewClass));
        var toParents = await SendAsync(_s.NewTeacher, List("parents", _s.NewClass));
        var fromClassmate = await SendAsync(_s.Classmate, _s.Pupil);
        var toTeachers = await SendAsync(_s.Pupil, List("profs", _s.NewClass));
        var oldList = await SendAsync(_s.OldTeacher, List("eleves", _s.OldClass));

        Assert.That(Server.HasMessage(_s.Pupil, fromNewTeacher), Is.True, "the new class's list reaches them");
        Assert.That(Server.HasMessage(_s.PupilsParent, toParents), Is.True, "and their parents through it");
        Assert.That(Server.HasMessage(_s.Pupil, fromClassmate), Is.True, "a new classmate writes to them");
        Assert.That(Server.HasMessage(_s.NewTeacher, toTeachers), Is.True, "they use their new class's teachers list");
        Assert.That(Server.HasMessage(_s.FormerClassmate, oldList), Is.True);
        Assert.That(Server.HasMessage(_s.Pupil, oldList), Is.False, "the old class's list no longer reaches them");
        await RefusedAsync(_s.Pupil, List("profs", _s.OldClass));
        await RefusedAsync(_s.FormerClassmate, _s.Pupil);
        await RefusedAsync(_s.NewTeacher, List("parents", _s.UntaughtClass));
    }

    [Test]
    public async Task ParentAdded_WritesToTheTeachersOfTheirChild_NotToOthers()
    {
        var parent = _s.Find(_s.NewParent);
        Assert.That(parent.Profile, Is.EqualTo(Profile.Responsable));
        Assert.That(Server.Runtime.Directory.Graph.ChildrenOf(parent.Id), Does.Contain(_s.Find(_s.Child).Id));
        Assert.That(Logins(_s.Report, "added"), Does.Contain(_s.NewParent));

        var subject = await SendAsync(_s.NewParent, _s.ChildsTeacher);

        Assert.That(Server.HasMessage(_s.ChildsTeacher, subject), Is.True);
        await RefusedAsync(_s.NewParent, _s.StrangerTeacher);
    }

    [Test]
    public async Task TeacherLeft_LoginRefused_MailKept_NoLongerInTheClassTeachersList()
    {
        var leaver = _s.Find(_s.Leaver);
        Assert.That(leaver.State, Is.EqualTo(AccountState.Left));
        Assert.That(Logins(_s.Report, "suspended"), Does.Contain(_s.Leaver));

        _ = await Assert.ThrowsAsync<AuthenticationException>(() => Server.SubmitAsync(_s.Leaver));
        _ = await Assert.ThrowsAsync<AuthenticationException>(() => Server.ImapAsync(_s.Leaver));
        Assert.That(Server.HasMessage(_s.Leaver, _s.KeptSubject), Is.True, "their mail is kept");

        var subject = await SendAsync(_s.Direction, List("profs", _s.LeaverClass));
        Assert.That(Server.HasMessage(_s.Colleague, subject), Is.True);
        Assert.That(Server.HasMessage(_s.Leaver, subject), Is.False);
    }

    [Test]
    public async Task ClassRenamed_OldListAddressRefused_NewOneReachesItsPupilsAndParents()
    {
        var graph = Server.Runtime.Directory.Graph;
        Assert.That(graph.FindStructure(_s.RenamedFrom), Is.Null, "the old class is removed, not kept empty");
        Assert.That(Server.Runtime.Policy.State.ExternalOpenClasses, Does.Not.Contain(_s.RenamedFrom), "its outside-mail opening went with it");
        Assert.That(graph.FindStructure(_s.RenamedTo)!.Name, Is.EqualTo("Classe renommée"));
        Assert.That(_s.Report.GetProperty("details").GetString(), Does.Contain($"- Classe {_s.RenamedFrom} "));
        var audit = Server.Runtime.Audit.Query(new AuditQuery(Action: "structure.remove"));
        Assert.That(audit.Select(e => e.Detail), Has.Some.StartWith(_s.RenamedFrom + " (Class"));

        await RefusedAsync(_s.RenamedTeacher, List("eleves", _s.RenamedFrom));
        await RefusedAsync(_s.RenamedTeacher, List("parents", _s.RenamedFrom));
        var toPupils = await SendAsync(_s.RenamedTeacher, List("eleves", _s.RenamedTo));
        var toParents = await SendAsync(_s.RenamedTeacher, List("parents", _s.RenamedTo));

        Assert.That(Server.HasMessage(_s.RenamedPupil, toPupils), Is.True);
        Assert.That(Server.HasMessage(_s.RenamedParent, toParents), Is.True);
    }

    [Test]
    public void ClassRelabelled_UpdatedInPlace()
    {
        var graph = Server.Runtime.Directory.Graph;

        Assert.That(graph.FindStructure(_s.Relabelled)!.Name, Is.EqualTo(_s.NewLabel));
        Assert.That(graph.PupilsOf(_s.Relabelled), Is.EquivalentTo(_s.RelabelledPupilsBefore));
    }

    [Test]
    public void LoginCollisions_NumberedAndStable_TheFirstLeavingFreesNothing()
    {
        var graph = Server.Runtime.Directory.Graph;
        var (first, second, third) = (graph.FindById(_s.Maries.First)!, graph.FindById(_s.Maries.Second)!, graph.FindById(_s.Maries.Third)!);

        Assert.That((first.Login, first.State), Is.EqualTo(("marie.dupont", AccountState.Left)));
        Assert.That(_s.SecondMarieLoginBefore, Is.EqualTo("marie.dupont2"));
        Assert.That(second.Login, Is.EqualTo("marie.dupont2"), "stable across re-imports");
        Assert.That((third.Login, third.DisplayName), Is.EqualTo(("marie.dupont3", "Marie DUPONT")), "a login is never handed out twice");
    }

    [Test]
    public async Task DryRun_ShowsTheChanges_GraphAndAuditUnchanged()
    {
        var graph = Server.Runtime.Directory.Graph;
        var lastAudit = Server.Runtime.Audit.Query(new AuditQuery(Limit: 1)).Single().Id;
        var changed = SnapshotMutations.MovePupil(_s.After, _s.After.Pupils.First(p => p.ClassCode == _s.NewClass).EleveId, _s.OldClass);
        changed = SnapshotMutations.RenameClass(changed, _s.Relabelled, _s.Relabelled + "X");

        var report = await ImportApi.ImportAsync(_s.Admin, ImportApi.Exports(Server, changed), dryRun: true);

        Assert.That((report.GetProperty("outcome").GetString(), report.GetProperty("applied").GetBoolean()), Is.EqualTo(("dry-run", false)));
        Assert.That(report.GetProperty("writes").GetInt32(), Is.GreaterThan(2));
        Assert.That(report.GetProperty("details").GetString(), Does.Contain($"- Classe {_s.Relabelled} "));
        Assert.That(Server.Runtime.Directory.Graph, Is.SameAs(graph), "the graph version did not change");
        Assert.That(Server.Runtime.Audit.Query(new AuditQuery(Limit: 1)).Single().Id, Is.EqualTo(lastAudit));
        Assert.That(Server.Runtime.Directory.Graph.FindStructure(_s.Relabelled), Is.Not.Null);
    }

    [Test]
    public async Task MalformedFile_RefusedThroughTheApi_WithFileElementAndReason_NothingApplied()
    {
        var graph = Server.Runtime.Directory.Graph;
        var changed = SnapshotMutations.MovePupil(_s.After, _s.After.Pupils.First(p => p.ClassCode == _s.NewClass).EleveId, _s.OldClass);
        var files = ImportApi.Exports(Server, changed, FixtureEncoding.Utf8, FixtureLayout.Files);
        var eleves = files.Single(f => Path.GetFileName(f).StartsWith("ElevesSansAdresses", StringComparison.Ordinal));
        File.WriteAllText(eleves, new Regex("<PRENOM>[^<]*</PRENOM>").Replace(File.ReadAllText(eleves), "", 1));

        var report = await ImportApi.ImportAsync(_s.Admin, files);

        Assert.That((report.GetProperty("outcome").GetString(), report.GetProperty("applied").GetBoolean()), Is.EqualTo(("refused", false)));
        var error = report.GetProperty("errors").EnumerateArray().First();
        Assert.That(error.GetProperty("file").GetString(), Does.StartWith("ElevesSansAdresses"));
        Assert.That(error.GetProperty("element").GetString(), Does.Contain("ELEVE[@ELEVE_ID=").And.EndWith("/PRENOM"));
        Assert.That(error.GetProperty("reason").GetString(), Is.Not.Empty);
        Assert.That(Server.Runtime.Directory.Graph, Is.SameAs(graph), "nothing of a refused import is applied");
    }

    [Test]
    public async Task Codes_TheNewestImportsFiles_ListedAndDownloaded_ByImportersOnly()
    {
        using var list = await _s.Admin.GetAsync($"{ImportApi.Api}/codes");
        var json = JsonDocument.Parse(await list.Content.ReadAsStringAsync()).RootElement;
        Assert.That(list.StatusCode, Is.EqualTo(HttpStatusCode.OK), json.ToString());
        var files = json.EnumerateArray().Select(f => (File: f.GetProperty("file").GetString()!, Classe: f.GetProperty("classe").GetString()!, Count: f.GetProperty("count").GetInt32())).ToList();
        var childClass = Server.Runtime.Directory.Graph.ClassOf(_s.Find(_s.Child).Id)!;
        Assert.That(files.Select(f => f.Classe), Does.Contain(childClass), "the re-import's new parent");
        Assert.That(files.Sum(f => f.Count), Is.EqualTo(2), "the re-import's two new accounts, not the first import's");
        Assert.That(json[0].GetProperty("writtenAt").GetDateTimeOffset(), Is.GreaterThan(DateTimeOffset.UtcNow.AddHours(-1)));

        var file = files.Single(f => f.Classe == childClass).File;
        var reported = _s.Report.GetProperty("codeFiles").EnumerateArray().Select(f => f.GetString()!).ToArray();
        Assert.That(reported, Is.EquivalentTo(files.Select(f => f.File)), "the report names the sheets by file name, as GET codes does: no server path");
        using var download = await _s.Admin.GetAsync($"{ImportApi.Api}/codes/{file}");
        var bytes = await download.Content.ReadAsByteArrayAsync();
        Assert.That(download.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(download.Content.Headers.ContentType!.ToString(), Is.EqualTo("text/csv; charset=utf-8"));
        Assert.That(download.Content.Headers.ContentDisposition!.DispositionType, Is.EqualTo("attachment"));
        Assert.That(download.Content.Headers.ContentDisposition.FileName!.Trim('"'), Is.EqualTo(file));
        Assert.That(bytes[..3], Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }));
        var text = System.Text.Encoding.UTF8.GetString(bytes[3..]);
        Assert.That(text, Does.StartWith("Classe;Profil;").And.Contain($";{_s.NewParent};{_s.NewParent}@"));
        Assert.That(text, Does.Match(@";[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4};/activation\r\n"));

        var firstImportOnly = $"codes-{_s.OldClass.ToLowerInvariant()}.csv";
        Assert.That(files.Select(f => f.File), Does.Not.Contain(firstImportOnly));
        foreach (var hostile in new[] { firstImportOnly, "..%2F..%2Findex.db", "..%2F" + firstImportOnly, "%2E%2E", "index.db", "codes-..%2F..%2Findex.db", "%2Fetc%2Fpasswd" })
        {
            using var refused = await _s.Admin.GetAsync($"{ImportApi.Api}/codes/{hostile}");
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), hostile);
        }

        using var pupil = await PluginServer.SignInAsync(Server, _s.Pupil);
        using var forbidden = await pupil.GetAsync($"{ImportApi.Api}/codes/{file}");
        Assert.That(forbidden.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        using var anonymous = PluginServer.Anonymous(Server);
        using var unauthorized = await anonymous.GetAsync($"{ImportApi.Api}/codes");
        Assert.That(unauthorized.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));

        if (!OperatingSystem.IsWindows())
        {
            var onDisk = Directory.GetFiles(Path.Combine(Server.DataFolder, "plugin-files", ImportApi.Plugin, "activation-codes"), file, SearchOption.AllDirectories);
            Assert.That(onDisk, Is.Not.Empty);
            Assert.That(onDisk.Select(File.GetUnixFileMode), Is.All.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite), "owner-only, downloaded or not");
            Assert.That(File.GetUnixFileMode(Path.GetDirectoryName(onDisk[^1])!), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute));
        }
    }
}
