using Preau.Plugins.Directory.Fixtures;
using Preau.Plugins.Directory.Model;
using Preau.Plugins.Directory.Planning;
using Preau.Plugins.Directory.Tests.Support;

namespace Preau.Plugins.Directory.Tests.Planning;

/// <summary>An import only changes what its feeds own, in its own establishment, and refuses to
/// run against the wrong school or a confused directory.</summary>
public class ScopeTests
{
    private static readonly Lazy<DirectoryState> LazyImported = new(() => Plans.Imported(Schools.Small));

    private static ImportSnapshot School => Schools.Small;

    private static DirectoryState Imported => LazyImported.Value;

    private static ImportSnapshot StsOnly(ImportSnapshot snapshot) => snapshot with
    {
        Scope = ImportScope.Sts,
        Pupils = [],
        Responsables = [],
        ParentLinks = [],
        Structures = [],
        Levels = [],
        Mefs = [],
    };

    private static ImportSnapshot SiecleOnly(ImportSnapshot snapshot) => snapshot with
    {
        Scope = ImportScope.Siecle,
        Staff = [],
        Services = [],
        ProfsPrincipaux = [],
    };

    [Test]
    public void StsAlone_TeacherLeaves_PupilsAndParentsUntouched()
    {
        var teacher = School.Staff.Last(s => s.Kind == PersonKind.Enseignant);

        var plan = Plans.Plan(StsOnly(SnapshotMutations.RemoveStaff(School, teacher.ExternalId)), Imported);

        Assert.That(plan.Suspended.Select(s => s.Before.ExternalId), Is.EqualTo(new[] { teacher.ExternalId }));
        Assert.That(plan.Memberships.Count + plan.ParentLinks.Count + plan.Structures.Count + plan.Levels.Count, Is.Zero);
        Assert.That(plan.Teachings.Removed, Is.Not.Empty);
        Assert.That(plan.Teachings.Added, Is.Empty);
    }

    [Test]
    public void StsAlone_ServiceOnAClassTheDirectoryDoesNotHave_IgnoredWithAWarning()
    {
        var teacher = School.Staff.First(s => s.Kind == PersonKind.Enseignant);
        var snapshot = StsOnly(School) with { Services = [.. School.Services, new ImportedService(teacher.ExternalId, "020100", "6Z", StructureType.Class)] };

        var plan = Plans.Plan(snapshot, Imported);

        Assert.That(plan.IsEmpty, Is.True, PlanReport.Describe(plan));
        Assert.That(plan.Warnings.Single().Message, Does.Contain("absents de l'annuaire, ignorés : 6Z"));
    }

    [Test]
    public void SiecleAlone_ClassRemoved_StaffKeptTheirServicesOnItGo()
    {
        var pupils = School.Pupils.Where(p => p.ClassCode == "6B").Select(p => p.EleveId).ToHashSet();
        var snapshot = SiecleOnly(School) with
        {
            Pupils = [.. School.Pupils.Select(p => pupils.Contains(p.EleveId) ? p with { ClassCode = "6A" } : p)],
            Structures = [.. School.Structures.Where(s => s.Code != "6B")],
        };

        var plan = Plans.Plan(snapshot, Imported);

        Assert.That(plan.Suspended, Is.Empty);
        Assert.That(plan.Structures.Removed.Select(s => s.Code), Is.EqualTo(new[] { "6B" }));
        Assert.That(plan.Teachings.Removed, Is.EquivalentTo(Imported.Teachings.Where(t => t.StructureCode == "6B")));
        Assert.That(plan.Teachings.Added, Is.Empty);
    }

    [Test]
    public void ClassLeavingTheFiles_WithAnAccountOutsideTheFeed_KeptEmptiedOfTheFeedWithAWarning()
    {
        var snapshot = SiecleOnly(School) with
        {
            Pupils = [.. School.Pupils.Select(p => p.ClassCode == "6B" ? p with { ClassCode = "6A" } : p)],
            Structures = [.. School.Structures.Where(s => s.Code != "6B")],
        };
        var manual = new AccountRecord { Id = "manual", Login = "prof.invite", Kind = PersonKind.Enseignant, DisplayName = "Prof invité", Uai = School.Uai, Status = AccountStatus.Active };
        var shared = Imported with
        {
            Accounts = [.. Imported.Accounts, manual],
            Teachings = [.. Imported.Teachings, new TeachingRecord("manual", "020100", "6B")],
        };

        var plan = Plans.Plan(snapshot, shared);
        var alone = Plans.Plan(snapshot, Imported);

        Assert.That(plan.Structures.Removed.Select(s => s.Code), Does.Not.Contain("6B"));
        Assert.That(plan.Warnings.Select(w => w.Message), Has.Some.Contains("conservés").And.Some.EndsWith(": 6B"));
        Assert.That(plan.Memberships.Removed.Where(m => m.StructureCode == "6B"), Is.Not.Empty, "the feed's pupils leave it");
        Assert.That(plan.Teachings.Removed, Does.Not.Contain(new TeachingRecord("manual", "020100", "6B")));
        Assert.That(alone.Structures.Removed.Select(s => s.Code), Does.Contain("6B"), "without the outsider, 6B goes");
        Assert.That(PlanApplier.Apply(shared, plan) is var after && Plans.Plan(snapshot, after).IsEmpty, Is.True, "and the re-import is empty");
    }

    [Test]
    public void AccountsOutsideTheFeed_NeverTouched()
    {
        var extra = new[]
        {
            new AccountRecord { Id = "manual", Login = "prof.invite", Kind = PersonKind.Enseignant, DisplayName = "Prof invité", Uai = School.Uai, Status = AccountStatus.Active },
            new AccountRecord { Id = "admin", Login = "admin", Kind = PersonKind.AdministrateurEnt, DisplayName = "Admin", Uai = School.Uai, ExternalId = School.Staff[0].ExternalId },
            new AccountRecord { Id = "other", Login = "eleve.ailleurs", Kind = PersonKind.Eleve, DisplayName = "Ailleurs", Uai = "0990099Z", ExternalId = "999999999ZZ" },
        };
        var state = Imported with
        {
            Accounts = [.. Imported.Accounts, .. extra],
            Teachings = [.. Imported.Teachings, new TeachingRecord("manual", "020100", "6A")],
        };

        var plan = Plans.Plan(School, state);

        Assert.That(plan.IsEmpty, Is.True, PlanReport.Describe(plan));
    }

    [Test]
    public void FilesOfAnotherSchool_Refused()
    {
        var state = Imported;

        var result = ImportPlanner.Plan(School with { Uai = "0990077Z" }, state, Plans.Options());

        Assert.That(result.Succeeded, Is.False);
        Assert.That(result.Errors.Single().Reason, Does.Contain("établissement 0990077Z, pas 0990003Z"));
    }

    [Test]
    public void TwoAccountsWithOneNationalId_Refused()
    {
        var pupil = Plans.PupilAccount(Imported, School.Pupils[0]);
        var state = Imported with { Accounts = [.. Imported.Accounts, pupil with { Id = "copy", Login = "copie" }] };

        var result = ImportPlanner.Plan(School, state, Plans.Options());

        Assert.That(result.Plan, Is.Null);
        Assert.That(result.Errors.Single().Reason, Does.Contain($"les comptes {pupil.Login} et copie portent le même identifiant"));
    }

    [Test]
    public void HalfThePupilsGone_PlanAsksForConfirmation()
    {
        var snapshot = School;
        foreach (var pupil in School.Pupils.Where((_, i) => i % 2 == 0))
        {
            snapshot = SnapshotMutations.RemovePupil(snapshot, pupil.EleveId);
        }

        var plan = Plans.Plan(snapshot, Imported);

        Assert.That(plan.RequiresConfirmation, Is.True);
        Assert.That(plan.Warnings.Select(w => w.Message), Has.Some.Match("^l'import suspendrait 80 élèves sur 160 \\(50 %\\)"));
        Assert.That(PlanReport.Describe(plan), Does.Contain("confirmation explicite"));
    }

    [TestCase(ResponsableScope.Legal, false, false)]
    [TestCase(ResponsableScope.LegalAndEnCharge, true, false)]
    [TestCase(ResponsableScope.All, true, true)]
    public void ResponsableScope_DecidesWhoGetsAnAccount(ResponsableScope scope, bool enCharge, bool contact)
    {
        var plan = Plans.Plan(School, DirectoryState.Empty, Plans.Options(responsables: scope));

        var created = plan.Added.Where(a => a.Account.Kind == PersonKind.Responsable).Select(a => a.Account.ExternalId).ToHashSet();
        bool Has(Responsibility r) => School.ParentLinks.Where(l => l.Responsibility == r).All(l => created.Contains(l.PersonneId));
        Assert.That(Has(Responsibility.Legal), Is.True);
        Assert.That(Has(Responsibility.EnCharge), Is.EqualTo(enCharge));
        Assert.That(Has(Responsibility.Contact), Is.EqualTo(contact));
        Assert.That(plan.ParentLinks.Added.Where(l => l.LegalLevel > 0).Count(), Is.EqualTo(School.ParentLinks.Count(l => l.Responsibility == Responsibility.Legal)));
    }

    [Test]
    public void HandMadeSnapshotThatDoesNotHoldTogether_RefusedWithReasons()
    {
        var snapshot = School with
        {
            ParentLinks = [.. School.ParentLinks, new ImportedParentLink("000000", School.Pupils[0].EleveId, Responsibility.Legal, 1, null)],
            Structures = [.. School.Structures, School.Structures[0] with { Code = School.Structures[0].Code.ToLowerInvariant() }],
            Pupils = [.. School.Pupils.Select((p, i) => i == 0 ? p with { ClassCode = "9Z" } : p)],
        };

        var result = ImportPlanner.Plan(snapshot, DirectoryState.Empty, Plans.Options());

        Assert.That(result.Plan, Is.Null);
        Assert.That(result.Errors.Select(e => e.Reason), Is.EquivalentTo(new[]
        {
            $"instantané incohérent : adresse de liste {Folding.Slug(School.Structures[0].Code)} en double",
            $"instantané incohérent : l'élève {School.Pupils[0].EleveId} est dans la division 9Z, inconnue",
            $"instantané incohérent : lien entre la personne 000000 et l'élève {School.Pupils[0].EleveId} : l'un des deux est absent",
        }));
    }
}
