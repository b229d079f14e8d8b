using Preau.Plugins.Directory.Fixtures;
using Preau.Plugins.Directory.Model;
using Preau.Plugins.Directory.Planning;
using Preau.Plugins.Directory.Reading;
using Preau.Plugins.Directory.Tests.Support;

namespace Preau.Plugins.Directory.Tests.Planning;

/// <summary>The lycée (2,000 pupils, about 3,500 responsables, 150 staff) through the whole
/// path: files in ISO-8859-15, zipped, read, planned, applied, and imported again with no change.
/// Times are for the benchmark (tests/Preau.Benchmarks directory-import), not asserted here.</summary>
public class ScaleTests
{
    [Test]
    public void Lycee2000_ImportThenReimport_NothingTheSecondTime()
    {
        using var folder = new TempFolder();
        var lycee = SyntheticSchool.Generate(SyntheticSchoolOptions.Lycee2000);
        var inputs = FixtureFiles.Write(lycee, folder.Path, FixtureEncoding.Latin9, FixtureLayout.ZipPerFile).Select(ImportInput.FromFile).ToList();

        var first = DirectoryImport.Prepare(inputs, DirectoryState.Empty, Plans.Options());

        Assert.That(first.Errors, Is.Empty, string.Join("\n", first.Errors));
        var plan = first.Plan!;
        var responsables = lycee.ParentLinks.Where(l => l.Responsibility != Responsibility.Contact).Select(l => l.PersonneId).Distinct().Count();
        Assert.That(plan.Added.Count(a => a.Account.Kind == PersonKind.Eleve), Is.EqualTo(2000));
        Assert.That(plan.Added.Count(a => a.Account.Kind == PersonKind.Responsable), Is.EqualTo(responsables));
        Assert.That(plan.Added.Count(a => a.Account.Kind is PersonKind.Enseignant or PersonKind.Personnel), Is.EqualTo(150));
        Assert.That(plan.Added.Select(a => a.Account.Login), Is.Unique);

        var state = PlanApplier.Apply(DirectoryState.Empty, plan);
        var second = DirectoryImport.Prepare(inputs, state, Plans.Options());

        Assert.That(second.Succeeded, Is.True);
        Assert.That(second.Plan!.WriteCount, Is.Zero);
        Assert.That(second.Plan.Unchanged, Is.EqualTo(state.Accounts.Count));
    }
}
