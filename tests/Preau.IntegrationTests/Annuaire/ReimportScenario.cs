using System.Text.Json;
using Preau.Core.Accounts;
using Preau.Core.Graph;
using Preau.IntegrationTests.Infrastructure;
using Preau.IntegrationTests.Plugins;
using Preau.Plugins.Directory.Fixtures;
using Preau.Plugins.Directory.Model;

namespace Preau.IntegrationTests.Annuaire;

/// <summary>A collège imported through the API into a real server, people of it activated, then
/// re-imported with the changes of a school year: a pupil changes class, a parent is added, a
/// teacher leaves, a class gets a new code, another a new label, the first « Marie DUPONT » leaves
/// and a third one arrives. Who is who is chosen from the imported graph, so that each check has
/// the sender and recipients it needs.</summary>
internal sealed class ReimportScenario : IAsyncDisposable
{
    public const string NewParentId = "599999";

    private ReimportScenario(TestServer server, HttpClient admin)
    {
        Server = server;
        Admin = admin;
    }

    public TestServer Server { get; }

    public HttpClient Admin { get; }

    public ImportSnapshot Before { get; private set; } = null!;

    public ImportSnapshot After { get; private set; } = null!;

    public JsonElement Report { get; private set; }

    /// <summary>The pupil who moves from <see cref="OldClass"/> to <see cref="NewClass"/>.</summary>
    public string Pupil { get; private set; } = "";

    public string OldClass { get; private set; } = "";

    public string NewClass { get; private set; } = "";

    /// <summary>Teaches the old class, not the new one.</summary>
    public string OldTeacher { get; private set; } = "";

    /// <summary>Teaches the new class.</summary>
    public string NewTeacher { get; private set; } = "";

    /// <summary>A pupil of the new class.</summary>
    public string Classmate { get; private set; } = "";

    /// <summary>A pupil staying in the old class.</summary>
    public string FormerClassmate { get; private set; } = "";

    /// <summary>A legal responsable of <see cref="Pupil"/>.</summary>
    public string PupilsParent { get; private set; } = "";

    /// <summary>A class <see cref="NewTeacher"/> does not teach.</summary>
    public string UntaughtClass { get; private set; } = "";

    /// <summary>The responsable added to <see cref="Child"/> (activated after the re-import).</summary>
    public string NewParent { get; private set; } = "";

    public string Child { get; private set; } = "";

    public string ChildsTeacher { get; private set; } = "";

    /// <summary>A teacher teaching none of <see cref="Child"/>'s classes and groups.</summary>
    public string StrangerTeacher { get; private set; } = "";

    /// <summary>The teacher who leaves, with mail received before.</summary>
    public string Leaver { get; private set; } = "";

    public string LeaverClass { get; private set; } = "";

    /// <summary>Another teacher of <see cref="LeaverClass"/>, who stays.</summary>
    public string Colleague { get; private set; } = "";

    public string KeptSubject { get; private set; } = "";

    /// <summary>A member of the direction (lists of every class).</summary>
    public string Direction { get; private set; } = "";

    public string RenamedFrom { get; private set; } = "";

    public string RenamedTo { get; private set; } = "";

    public string RenamedTeacher { get; private set; } = "";

    public string RenamedPupil { get; private set; } = "";

    public string RenamedParent { get; private set; } = "";

    public string Relabelled { get; private set; } = "";

    public string NewLabel { get; private set; } = "";

    public IReadOnlySet<string> RelabelledPupilsBefore { get; private set; } = new HashSet<string>();

    /// <summary>The account ids of the two « Marie DUPONT » of the first import, in login order, and of the third.</summary>
    public (string First, string Second, string Third) Maries { get; private set; }

    public string SecondMarieLoginBefore { get; private set; } = "";

    public static async Task<ReimportScenario> RunAsync()
    {
        var server = await ImportApi.StartSchoolServerAsync();
        var scenario = new ReimportScenario(server, await PluginServer.SignInAsync(server, "admin"));
        await scenario.RunImportsAsync();
        return scenario;
    }

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        await Server.DisposeAsync();
    }

    public Account Find(string login) => Server.Runtime.Directory.Find(login) ?? throw new ArgumentException($"no account {login}");

    private EstablishmentGraph Graph => Server.Runtime.Directory.Graph;

    private Account ByExternalId(string externalId) => ImportApi.Account(Server, externalId);

    private string Login(string externalId) => ByExternalId(externalId).Login;

    private HashSet<string> Taught(Account teacher) =>
        Graph.Data.Teachings.Where(t => t.TeacherId == teacher.Id).Select(t => t.StructureCode).ToHashSet(StringComparer.OrdinalIgnoreCase);

    private async Task RunImportsAsync()
    {
        Before = SyntheticSchool.Generate(new SyntheticSchoolOptions { Uai = ImportApi.Uai, Pupils = 200, PupilsPerClass = 25, Staff = 30 });
        _ = await ImportApi.ApplyAsync(Admin, ImportApi.Exports(Server, Before));

        var classes = Before.Structures.Where(s => s.Type == StructureType.Class).Select(s => s.Code).Order(StringComparer.Ordinal).ToList();
        var maries = Before.Pupils.Where(p => p.FirstName == "Marie" && p.LastName == "DUPONT")
            .Select(p => ByExternalId(p.ExternalId)).OrderBy(a => a.Login, StringComparer.Ordinal).ToList();
        var marieIds = maries.Select(m => m.ExternalId).ToHashSet(StringComparer.Ordinal);
        var teachers = Graph.Data.Accounts.Where(a => a.Uai == Before.Uai && a.Profile == Profile.Enseignant).OrderBy(a => a.Login, StringComparer.Ordinal).ToList();
        ImportedPupil PupilOf(string classCode) => Before.Pupils.First(p => p.ClassCode == classCode && !marieIds.Contains(p.ExternalId));

        // A pupil moves from the first class to one that some teacher of the first does not teach.
        OldClass = classes[0];
        NewClass = classes.Skip(1).First(c => teachers.Any(t => Taught(t).Contains(OldClass) && !Taught(t).Contains(c)));
        var others = classes.Where(c => c != OldClass && c != NewClass).ToList();
        var moving = PupilOf(OldClass);
        Pupil = Login(moving.ExternalId);
        PupilsParent = Graph.ParentsOf(ByExternalId(moving.ExternalId).Id).Select(id => Graph.FindById(id)!.Login).Order(StringComparer.Ordinal).First();
        FormerClassmate = Login(Before.Pupils.First(p => p.ClassCode == OldClass && p.EleveId != moving.EleveId && !marieIds.Contains(p.ExternalId)).ExternalId);
        Classmate = Login(PupilOf(NewClass).ExternalId);
        var oldTeacher = teachers.First(t => Taught(t).Contains(OldClass) && !Taught(t).Contains(NewClass));
        var newTeacher = teachers.Where(t => Taught(t).Contains(NewClass) && t.Id != oldTeacher.Id).MinBy(t => Taught(t).Count)!;
        (OldTeacher, NewTeacher) = (oldTeacher.Login, newTeacher.Login);
        UntaughtClass = classes.First(c => !Taught(newTeacher).Contains(c) && c != NewClass);

        // A class gets a new code; another a new label.
        (RenamedFrom, Relabelled) = (others[0], others[1]);
        RenamedTo = RenamedFrom + "BIS";
        NewLabel = $"{Graph.FindStructure(Relabelled)!.Name} — classe à projet";
        RelabelledPupilsBefore = Graph.PupilsOf(Relabelled).ToHashSet();

        // A teacher of another class leaves; a colleague of that class stays.
        var (leaver, leaverClass) = teachers.Where(t => t.Id != oldTeacher.Id && t.Id != newTeacher.Id)
            .SelectMany(t => others.Skip(2).Where(c => Taught(t).Contains(c) && teachers.Any(o => o.Id != t.Id && Taught(o).Contains(c))).Select(c => (t, c)))
            .First();
        (Leaver, LeaverClass) = (leaver.Login, leaverClass);
        Colleague = teachers.First(t => t.Id != leaver.Id && Taught(t).Contains(LeaverClass)).Login;
        RenamedTeacher = teachers.First(t => t.Id != leaver.Id && Taught(t).Contains(RenamedFrom)).Login;
        var renamedPupil = PupilOf(RenamedFrom);
        RenamedPupil = Login(renamedPupil.ExternalId);
        RenamedParent = Graph.FindById(Graph.ParentsOf(ByExternalId(renamedPupil.ExternalId).Id).First())!.Login;
        Direction = Graph.Data.Accounts.First(a => a.Uai == Before.Uai && a.Profile == Profile.Personnel && a.Function == StaffFunction.Direction).Login;

        // A parent is added to a pupil of another class.
        var child = PupilOf(others[2]);
        Child = Login(child.ExternalId);
        var childStructures = Graph.StructuresOf(ByExternalId(child.ExternalId).Id);
        ChildsTeacher = teachers.First(t => Taught(t).Contains(others[2]) && t.Id != leaver.Id).Login;
        StrangerTeacher = teachers.First(t => t.Id != leaver.Id && !Taught(t).Overlaps(childStructures)).Login;

        foreach (var login in new[] { Pupil, OldTeacher, NewTeacher, Classmate, FormerClassmate, Leaver, RenamedTeacher, Direction })
        {
            _ = ImportApi.Activate(Server, Find(login));
        }

        // The leaver has mail before leaving.
        using (var smtp = await Server.SubmitAsync(OldTeacher))
        {
            var kept = TestServer.Message(OldTeacher, Leaver);
            await smtp.SendAsync(kept);
            KeptSubject = kept.Subject!;
        }

        Assert.That(Server.HasMessage(Leaver, KeptSubject), Is.True);

        // The first « Marie DUPONT » leaves; a third arrives in the second one's class.
        var second = Before.Pupils.Single(p => p.ExternalId == maries[1].ExternalId);
        var third = second with { EleveId = "199999", Ine = "911111111SY", Elenoet = "299999" };
        SecondMarieLoginBefore = maries[1].Login;

        var after = SnapshotMutations.MovePupil(Before, moving.EleveId, NewClass);
        after = SnapshotMutations.AddResponsable(after, child.EleveId, new ImportedResponsable(NewParentId, "BEAUPÈRE", "Noël"), Responsibility.EnCharge, 0, "39");
        after = SnapshotMutations.RemoveStaff(after, leaver.ExternalId!);
        after = SnapshotMutations.RenameClass(after, RenamedFrom, RenamedTo, "Classe renommée");
        after = SnapshotMutations.RelabelStructure(after, Relabelled, NewLabel);
        after = SnapshotMutations.RemovePupil(after, Before.Pupils.Single(p => p.ExternalId == maries[0].ExternalId).EleveId);
        After = after with { Pupils = [.. after.Pupils, third] };

        // The class about to be renamed was open to outside mail: the opening must not pass to its code.
        Server.Runtime.Policy.SetExternalForClass(RenamedFrom, open: true, "admin");
        Report = await ImportApi.ApplyAsync(Admin, ImportApi.Exports(Server, After));

        NewParent = Login(NewParentId);
        _ = ImportApi.Activate(Server, Find(NewParent));
        Maries = (maries[0].Id, maries[1].Id, ByExternalId(third.ExternalId).Id);
    }
}
