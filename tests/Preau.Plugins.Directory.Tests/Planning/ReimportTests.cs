using Preau.Plugins.Directory.Fixtures;
using Preau.Plugins.Directory.Model;
using Preau.Plugins.Directory.Planning;
using Preau.Plugins.Directory.Tests.Support;

namespace Preau.Plugins.Directory.Tests.Planning;

/// <summary>Re-imports after the school changed: each change updates in place, nothing is
/// duplicated, and importing the same files once more changes nothing.</summary>
public class ReimportTests
{
    private static readonly Lazy<DirectoryState> LazyImported = new(() => Plans.Imported(Schools.Small));

    private static ImportSnapshot School => Schools.Small;

    private static DirectoryState Imported => LazyImported.Value;

    /// <summary>Plans <paramref name="changed"/> over the imported school, then checks that applying
    /// the plan and planning the same snapshot again gives nothing to do.</summary>
    private static ImportPlan Reimport(ImportSnapshot changed, DirectoryState? state = null)
    {
        state ??= Imported;
        var plan = Plans.Plan(changed, state);
        var after = PlanApplier.Apply(state, plan);
        var again = Plans.Plan(changed, after);
        Assert.That(again.IsEmpty, Is.True, "second import of the same files: " + PlanReport.Describe(again));
        Assert.That(after.Accounts.Select(a => a.Login), Is.Unique);
        Assert.That(after.Accounts.Where(a => a.ExternalId is not null).Select(a => (a.Kind == PersonKind.Eleve, a.Kind == PersonKind.Responsable, a.ExternalId)), Is.Unique);
        return plan;
    }

    [Test]
    public void PupilChangesClass_MembershipMovesAccountUntouched()
    {
        var pupil = School.Pupils.First(p => p.ClassCode == "5A" && p.GroupCodes.Count > 0);
        var account = Plans.PupilAccount(Imported, pupil);

        var plan = Reimport(SnapshotMutations.MovePupil(School, pupil.EleveId, "5B"));

        Assert.That(plan.Added, Is.Empty);
        Assert.That(plan.Updated, Is.Empty);
        Assert.That(plan.Suspended, Is.Empty);
        Assert.That(plan.Memberships.Added, Does.Contain(new MembershipRecord(account.Id, "5B")));
        Assert.That(plan.Memberships.Removed, Does.Contain(new MembershipRecord(account.Id, "5A")));
        Assert.That(plan.Memberships.Removed.Concat(plan.Memberships.Added).Select(m => m.AccountId), Is.All.EqualTo(account.Id));
        Assert.That(plan.Unchanged, Is.EqualTo(Imported.Accounts.Count));
    }

    [Test]
    public void ParentAdded_NewAccountLinkedWithItsCode()
    {
        var pupil = School.Pupils[10];
        var person = new ImportedResponsable("599999", "BEAUPÈRE", "Noël");

        var plan = Reimport(SnapshotMutations.AddResponsable(School, pupil.EleveId, person, Responsibility.EnCharge, 0, "39"));

        var added = plan.Added.Single();
        Assert.That((added.Account.Login, added.Account.Kind, added.Account.ExternalId), Is.EqualTo(("noel.beaupere", PersonKind.Responsable, "599999")));
        Assert.That(plan.ParentLinks.Added, Is.EqualTo(new[] { new ParentLinkRecord(added.Account.Id, Plans.PupilAccount(Imported, pupil).Id, 0) }));
        Assert.That(plan.ParentLinks.Removed, Is.Empty);
        var line = plan.ActivationCodes.Entries.Single();
        Assert.That((line.Sheet, line.ChildName, line.Code), Is.EqualTo((pupil.ClassCode, $"{pupil.FirstName} {pupil.LastName}", added.ActivationCode)));
    }

    [Test]
    public void TeacherLeaves_SuspendedWithLoginKeptServicesRemoved()
    {
        var teacher = School.Staff.First(s => s.Kind == PersonKind.Enseignant && School.ProfsPrincipaux.Any(p => p.StaffExternalId == s.ExternalId));
        var account = Plans.AccountOf(Imported, teacher.ExternalId);
        var services = Imported.Teachings.Count(t => t.TeacherId == account.Id);

        var plan = Reimport(SnapshotMutations.RemoveStaff(School, teacher.ExternalId));

        var left = plan.Suspended.Single();
        Assert.That(left.Before.Id, Is.EqualTo(account.Id));
        Assert.That((left.After.Status, left.After.Login), Is.EqualTo((AccountStatus.Left, account.Login)));
        Assert.That(plan.Teachings.Removed, Has.Count.EqualTo(services));
        Assert.That(plan.Teachings.Removed.Select(t => t.TeacherId), Is.All.EqualTo(account.Id));
        Assert.That(plan.Added, Is.Empty);
    }

    [Test]
    public void ClassRenamed_StructureReplacedPupilsServicesAndPrincipalFollow()
    {
        var pupils = School.Pupils.Where(p => p.ClassCode == "4B").Select(p => Plans.PupilAccount(Imported, p).Id).ToHashSet();
        var teachings = Imported.Teachings.Where(t => t.StructureCode == "4B").ToList();

        var plan = Reimport(SnapshotMutations.RenameClass(School, "4B", "4BETA", "4e Bêta"));

        Assert.That(plan.Structures.Added.Select(s => (s.Code, s.Name)), Is.EqualTo(new[] { ("4BETA", "4e Bêta") }));
        Assert.That(plan.Structures.Removed.Select(s => s.Code), Is.EqualTo(new[] { "4B" }));
        Assert.That(plan.Structures.Updated.Select(s => s.After.Code), Is.SupersetOf(new[] { "4ALL2", "4ESP1", "4LAT" }), "groups drawing on 4B now draw on 4BETA");
        Assert.That(plan.Memberships.Removed.Where(m => m.StructureCode == "4B").Select(m => m.AccountId), Is.EquivalentTo(pupils));
        Assert.That(plan.Memberships.Added.Where(m => m.StructureCode == "4BETA").Select(m => m.AccountId), Is.EquivalentTo(pupils));
        Assert.That(plan.Teachings.Removed, Is.EquivalentTo(teachings));
        Assert.That(plan.Teachings.Added, Is.EquivalentTo(teachings.Select(t => t with { StructureCode = "4BETA" })));
        Assert.That(plan.Added.Concat<object>(plan.Updated).Concat(plan.Suspended), Is.Empty);
    }

    [Test]
    public void ClassRelabelled_OnlyTheLabelChanges()
    {
        var plan = Reimport(SnapshotMutations.RelabelStructure(School, "3A", "3e A — classe à projet"));

        var change = plan.Structures.Updated.Single();
        Assert.That((change.Before.Name, change.After.Name), Is.EqualTo(("3e A", "3e A — classe à projet")));
        Assert.That(plan.WriteCount, Is.EqualTo(1));
    }

    [Test]
    public void PupilLeaves_SuspendedAndSoleParentsToo()
    {
        var pupil = School.Pupils[20];
        var parents = School.ParentLinks.Where(l => l.EleveId == pupil.EleveId && l.Responsibility != Responsibility.Contact).Select(l => l.PersonneId)
            .Where(p => School.ParentLinks.All(l => l.PersonneId != p || l.EleveId == pupil.EleveId))
            .Select(p => Plans.AccountOf(Imported, p).Id);

        var plan = Reimport(SnapshotMutations.RemovePupil(School, pupil.EleveId));

        var pupilId = Plans.PupilAccount(Imported, pupil).Id;
        Assert.That(plan.Suspended.Select(s => s.Before.Id), Is.EquivalentTo(parents.Append(pupilId)));
        Assert.That(plan.Suspended.Select(s => s.After.Status), Is.All.EqualTo(AccountStatus.Left));
        Assert.That(plan.Memberships.Removed.Select(m => m.AccountId), Is.All.EqualTo(pupilId));
        Assert.That(plan.ParentLinks.Removed.Select(l => l.PupilId), Is.All.EqualTo(pupilId));
        Assert.That(plan.Memberships.Added, Is.Empty);
    }

    [TestCase(false, AccountStatus.NotActivated)]
    [TestCase(true, AccountStatus.Active)]
    public void PupilReturns_SameAccountBackInItsClass(bool hasPassword, AccountStatus expected)
    {
        var pupil = School.Pupils[20];
        var gone = PlanApplier.Apply(Imported, Plans.Plan(SnapshotMutations.RemovePupil(School, pupil.EleveId), Imported));
        var account = Plans.PupilAccount(gone, pupil);
        gone = gone with { Accounts = [.. gone.Accounts.Select(a => a.Id == account.Id ? a with { HasPassword = hasPassword } : a)] };

        var plan = Reimport(School, gone);

        Assert.That(plan.Added, Is.Empty);
        var back = plan.Updated.Single(u => u.Before.Id == account.Id);
        Assert.That(back.Fields.Single(), Is.EqualTo(new FieldChange(AccountField.Status, "Left", expected.ToString())));
        Assert.That(back.After.Login, Is.EqualTo(account.Login));
        Assert.That(plan.Memberships.Added, Does.Contain(new MembershipRecord(account.Id, pupil.ClassCode!)));
    }

    [Test]
    public void PupilRenamed_NamesChangeLoginStays()
    {
        var pupil = School.Pupils[0];
        var account = Plans.PupilAccount(Imported, pupil);

        var plan = Reimport(SnapshotMutations.RenamePupil(School, pupil.EleveId, "Marie-Ève", "DUPONT-ŒILLET"));

        var change = plan.Updated.Single();
        Assert.That(change.Fields.Select(f => f.Field), Is.EqualTo(new[] { AccountField.FirstName, AccountField.LastName, AccountField.DisplayName }));
        Assert.That(change.After.DisplayName, Is.EqualTo("Marie-Ève DUPONT-ŒILLET"));
        Assert.That(change.After.Login, Is.EqualTo(account.Login).And.EqualTo("marie.dupont"));
    }

    [Test]
    public void IneArrives_MatchedByEleveIdAndUpdated()
    {
        var pupil = School.Pupils.First(p => p.Ine is null);
        var account = Plans.PupilAccount(Imported, pupil);
        Assert.That(account.ExternalId, Is.EqualTo("eleve:" + pupil.EleveId));
        var changed = School with { Pupils = [.. School.Pupils.Select(p => p.EleveId == pupil.EleveId ? p with { Ine = "123456789XY" } : p)] };

        var plan = Reimport(changed);

        var change = plan.Updated.Single();
        Assert.That(change.Before.Id, Is.EqualTo(account.Id));
        Assert.That(change.Fields.Single(), Is.EqualTo(new FieldChange(AccountField.ExternalId, "eleve:" + pupil.EleveId, "123456789XY")));
        Assert.That(plan.Added.Concat<object>(plan.Suspended), Is.Empty);
    }

    [Test]
    public void StaffBecomesTeacher_ProfileAndFunctionChangeSameAccount()
    {
        var aed = School.Staff.First(s => s.Role == StaffRole.VieScolaire);
        var changed = School with
        {
            Staff = [.. School.Staff.Select(s => s.ExternalId == aed.ExternalId ? s with { FunctionCode = "ENS", Kind = PersonKind.Enseignant, Role = StaffRole.None } : s)],
        };

        var plan = Reimport(changed);

        var change = plan.Updated.Single();
        Assert.That(change.Fields, Is.EqualTo(new[]
        {
            new FieldChange(AccountField.Kind, "Personnel", "Enseignant"),
            new FieldChange(AccountField.Role, "VieScolaire", "None"),
        }));
    }

    [Test]
    public void CustomDisplayName_SurvivesReimports()
    {
        var staff = School.Staff[0];
        var state = Imported with
        {
            Accounts = [.. Imported.Accounts.Select(a => a.ExternalId == staff.ExternalId ? a with { DisplayName = "M. le Principal" } : a)],
        };

        var plan = Plans.Plan(School, state);

        Assert.That(plan.IsEmpty, Is.True, PlanReport.Describe(plan));
    }
}
