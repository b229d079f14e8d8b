using Preau.Plugins.Directory.Fixtures;
using Preau.Plugins.Directory.Model;
using Preau.Plugins.Directory.Planning;
using Preau.Plugins.Directory.Tests.Support;

namespace Preau.Plugins.Directory.Tests.Planning;

/// <summary>Values set by hand in the annuaire survive re-imports: the plan keeps them, says where the
/// files differ, and stays empty on the next run.</summary>
public class ManualValuesTests
{
    private static readonly Lazy<DirectoryState> LazyImported = new(() => Plans.Imported(Schools.Small));

    [Test]
    public void ManualNamesAndFunction_AreKeptOverTheFeed_WithAWarning_AndTheReimportIsEmpty()
    {
        var imported = LazyImported.Value;
        var pupil = Plans.PupilAccount(imported, Schools.Small.Pupils[3]);
        var staff = imported.Accounts.First(a => a.Kind == PersonKind.Personnel && a.Role != StaffRole.Documentaliste);
        var state = imported with
        {
            Accounts = [.. imported.Accounts.Select(a =>
                a.Id == pupil.Id ? a with { FirstName = "Jo", DisplayName = "Jo la fusée" }
                : a.Id == staff.Id ? a with { Role = StaffRole.Documentaliste }
                : a)],
        };
        var manual = new Dictionary<string, ManualValues>
        {
            [pupil.Id] = new(FirstName: "Jo", DisplayName: "Jo la fusée"),
            [staff.Id] = new(Role: StaffRole.Documentaliste),
        };
        var options = Plans.Options() with { ManualValues = manual };

        var result = ImportPlanner.Plan(Schools.Small, state, options);

        Assert.That(result.Errors, Is.Empty);
        Assert.That(result.Plan!.IsEmpty, Is.True, PlanReport.Describe(result.Plan));
        var warning = result.Plan.Warnings.Select(w => w.Message).Single(w => w.Contains("saisies dans l'annuaire", StringComparison.Ordinal));
        Assert.That(warning, Does.Contain(pupil.Login).And.Contain($"prénom « Jo », fichiers « {pupil.FirstName} »").And.Contain(staff.Login));
    }

    [Test]
    public void WithoutManualValues_TheFeedWins()
    {
        var imported = LazyImported.Value;
        var pupil = Plans.PupilAccount(imported, Schools.Small.Pupils[3]);
        var state = imported with
        {
            Accounts = [.. imported.Accounts.Select(a => a.Id == pupil.Id ? a with { FirstName = "Jo", DisplayName = "Jo " + a.LastName } : a)],
        };

        var plan = Plans.Plan(Schools.Small, state);

        var change = plan.Updated.Single();
        Assert.That((change.After.FirstName, change.After.DisplayName), Is.EqualTo((pupil.FirstName, pupil.DisplayName)));
    }

    [Test]
    public void ManualDisplayName_StaysWhenTheFeedRenamesThePerson()
    {
        var imported = LazyImported.Value;
        var source = Schools.Small.Pupils[5];
        var pupil = Plans.PupilAccount(imported, source);
        var state = imported with { Accounts = [.. imported.Accounts.Select(a => a.Id == pupil.Id ? a with { DisplayName = "Surnom" } : a)] };
        var options = Plans.Options() with { ManualValues = new Dictionary<string, ManualValues> { [pupil.Id] = new(DisplayName: "Surnom") } };

        var plan = Plans.Plan(SnapshotMutations.RenamePupil(Schools.Small, source.EleveId, source.FirstName, "NOUVEAU"), state, options);

        var change = plan.Updated.Single();
        Assert.That((change.After.LastName, change.After.DisplayName), Is.EqualTo(("NOUVEAU", "Surnom")));
    }
}
