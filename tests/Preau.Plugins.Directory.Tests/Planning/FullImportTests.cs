using System.Text.RegularExpressions;
using Preau.Plugins.Directory.Codes;
using Preau.Plugins.Directory.Fixtures;
using Preau.Plugins.Directory.Model;
using Preau.Plugins.Directory.Planning;
using Preau.Plugins.Directory.Reading;
using Preau.Plugins.Directory.Tests.Reading;
using Preau.Plugins.Directory.Tests.Support;

namespace Preau.Plugins.Directory.Tests.Planning;

/// <summary>A first import into an empty directory, and the same files imported again.</summary>
public class FullImportTests
{
    private static ImportSnapshot School => Schools.Small;

    private static List<ImportedParentLink> IncludedLinks => [.. School.ParentLinks.Where(l => l.Responsibility != Responsibility.Contact)];

    [Test]
    public void Plan_EmptyDirectory_AddsEveryoneNotActivatedWithACode()
    {
        var plan = Plans.Plan(School, DirectoryState.Empty);

        var responsables = IncludedLinks.Select(l => l.PersonneId).Distinct().Count();
        Assert.That(plan.Added, Has.Count.EqualTo(School.Pupils.Count + responsables + School.Staff.Count));
        Assert.That(plan.Added.Select(a => a.Account.Status), Is.All.EqualTo(AccountStatus.NotActivated));
        Assert.That(plan.Added.Select(a => a.Account.Uai), Is.All.EqualTo(School.Uai));
        Assert.That(plan.Added.Select(a => a.Account.Login), Is.Unique);
        Assert.That(plan.Added.Select(a => a.Account.Login), Is.All.Match("^[a-z0-9][a-z0-9.-]*[a-z0-9]$"));
        Assert.That(plan.Added.Select(a => a.ActivationCode), Is.Unique);
        Assert.That(plan.Updated, Is.Empty);
        Assert.That(plan.Suspended, Is.Empty);
        Assert.That(plan.Unchanged, Is.Zero);
        Assert.That(plan.RequiresConfirmation, Is.False);
    }

    [Test]
    public void Plan_EmptyDirectory_MakesTheWholeGraph()
    {
        var plan = Plans.Plan(School, DirectoryState.Empty);

        Assert.That(plan.Structures.Added, Has.Count.EqualTo(School.Structures.Count));
        Assert.That(plan.Levels.Added.Select(l => l.Code), Is.EqualTo(new[] { "6E", "5E", "4E", "3E" }));
        Assert.That(plan.Subjects.Added, Has.Count.EqualTo(School.Subjects.Count));
        Assert.That(plan.Memberships.Added, Has.Count.EqualTo(School.Pupils.Count + School.Pupils.Sum(p => p.GroupCodes.Count)));
        Assert.That(plan.ParentLinks.Added, Has.Count.EqualTo(IncludedLinks.Count));
        Assert.That(plan.Teachings.Added, Has.Count.EqualTo(School.Services.Count));
        var principals = plan.Teachings.Added.Where(t => t.ProfPrincipal).Select(t => (t.TeacherId, t.StructureCode)).Distinct();
        Assert.That(principals.Count(), Is.EqualTo(School.ProfsPrincipaux.Count));

        var pupil = School.Pupils[0];
        var account = plan.Added.Single(a => a.Account.ExternalId == pupil.ExternalId).Account;
        Assert.That(plan.Memberships.Added, Does.Contain(new MembershipRecord(account.Id, pupil.ClassCode!)));
        Assert.That((account.Kind, account.FirstName, account.LastName, account.DisplayName), Is.EqualTo((PersonKind.Eleve, "Marie", "DUPONT", "Marie DUPONT")));
    }

    [Test]
    public void Plan_EmptyDirectory_NamesTheSpecialCasesReadably()
    {
        var plan = Plans.Plan(School, DirectoryState.Empty);

        var logins = plan.Added.ToDictionary(a => a.Account.ExternalId!, a => a.Account.Login);
        Assert.That(logins[School.Pupils[0].ExternalId], Is.EqualTo("marie.dupont"));
        Assert.That(logins[School.Pupils[1].ExternalId], Is.EqualTo("marie.dupont2"));
        var aubigne = School.Staff.Single(s => s.LastName == "D'AUBIGNÉ" && s.FirstName == "Jean-Noël");
        Assert.That(logins[aubigne.ExternalId], Does.Match("^jean-noel\\.daubigne[0-9]*$"));
    }

    [Test]
    public void Plan_EmptyDirectory_ActivationSheetPerClass()
    {
        var plan = Plans.Plan(School, DirectoryState.Empty);

        var sheets = plan.ActivationCodes.Sheets.ToDictionary(s => s.Key, s => s.ToList());
        var classes = School.Structures.Where(s => s.Type == StructureType.Class).Select(s => s.Code);
        Assert.That(sheets.Keys, Is.EquivalentTo(classes.Append(ActivationSheet.StaffSheet)));
        Assert.That(sheets[ActivationSheet.StaffSheet], Has.Count.EqualTo(School.Staff.Count));
        Assert.That(plan.ActivationCodes.Entries.Count(e => e.Kind == PersonKind.Eleve), Is.EqualTo(School.Pupils.Count));
        Assert.That(plan.ActivationCodes.Entries.Count(e => e.Kind == PersonKind.Responsable), Is.EqualTo(IncludedLinks.Count));

        // A parent of two pupils in two classes is on both sheets with the same code.
        var twoChildren = IncludedLinks.GroupBy(l => l.PersonneId).First(g => g.Count() > 1);
        var parentLogin = plan.Added.Single(a => a.Account.ExternalId == twoChildren.Key).Account.Login;
        var lines = plan.ActivationCodes.Entries.Where(e => e.Login == parentLogin).ToList();
        Assert.That(lines.Select(l => l.Sheet).ToList(), Is.Unique.And.Count.EqualTo(2));
        Assert.That(lines.Select(l => l.Code).Distinct().Count(), Is.EqualTo(1));
        Assert.That(lines.Select(l => l.ChildName), Is.All.Not.Null);
    }

    [Test]
    public void Plan_AfterApplying_SameSnapshotAgain_IsEmpty()
    {
        var state = Plans.Imported(School);

        var again = Plans.Plan(School, state);

        Assert.That(again.IsEmpty, Is.True, PlanReport.Describe(again));
        Assert.That(again.WriteCount, Is.Zero);
        Assert.That(again.Unchanged, Is.EqualTo(state.Accounts.Count));
        Assert.That(again.ActivationCodes.Entries, Is.Empty);
        Assert.That(PlanReport.Summary(again), Does.StartWith("Aucun changement"));
    }

    [Test]
    public void Prepare_SameZippedLatin9FilesTwice_SecondIsEmpty()
    {
        using var folder = new TempFolder();
        var paths = FixtureFiles.Write(School, folder.Path, FixtureEncoding.Latin9, FixtureLayout.ZipPerFile);
        var inputs = paths.Select(ImportInput.FromFile).ToList();

        var first = DirectoryImport.Prepare(inputs, DirectoryState.Empty, Plans.Options());
        Assert.That(first.Errors, Is.Empty, string.Join("\n", first.Errors));
        var state = PlanApplier.Apply(DirectoryState.Empty, first.Plan!);
        var second = DirectoryImport.Prepare(inputs, state, Plans.Options());

        Assert.That(second.Succeeded, Is.True);
        Assert.That(second.Plan!.IsEmpty, Is.True, PlanReport.Describe(second.Plan));
    }

    [Test]
    public void Plan_ReportsPlanningProgress()
    {
        var reports = new List<ImportProgress>();

        var result = ImportPlanner.Plan(School, DirectoryState.Empty, Plans.Options(), new SyncProgress(reports.Add));

        Assert.That(result.Succeeded, Is.True);
        Assert.That(reports.Select(r => r.Stage), Does.Contain(ImportStage.Planning));
        Assert.That(reports[^1].Stage, Is.EqualTo(ImportStage.Done));
        Assert.That(reports[^1].Done, Is.EqualTo(result.Plan!.WriteCount));
    }

    [Test]
    public void Describe_ListsChangesInFrench()
    {
        var plan = Plans.Plan(School, DirectoryState.Empty);

        var text = PlanReport.Describe(plan, maxLines: 5);

        Assert.That(text, Does.Contain("Import SIECLE et STSweb pour 0990003Z, année 2026"));
        Assert.That(text, Does.Contain("compte(s) ajouté(s)"));
        Assert.That(Regex.Matches(text, "^\\+ ", RegexOptions.Multiline), Has.Count.EqualTo(5));
        Assert.That(text, Does.Contain("autres changements"));
    }
}
