using Preau.Plugins.Directory.Fixtures;
using Preau.Plugins.Directory.Planning;
using Preau.Plugins.Directory.Tests.Support;

namespace Preau.Plugins.Directory.Tests.Planning;

/// <summary>Planning is a dry run: it never changes the directory state or the snapshot it is
/// given, and the same inputs give the same plan.</summary>
public class DryRunTests
{
    [Test]
    public void Plan_NeverModifiesItsInputs()
    {
        var state = Plans.Imported(Schools.Small);
        var changed = SnapshotMutations.RenameClass(SnapshotMutations.RemoveStaff(Schools.Small, Schools.Small.Staff[3].ExternalId), "5A", "5ALPHA");
        var stateBefore = Schools.DumpAny(state);
        var snapshotBefore = Schools.Dump(changed);
        var accounts = state.Accounts;

        var plan = Plans.Plan(changed, state);

        Assert.That(plan.WriteCount, Is.GreaterThan(0));
        Assert.That(Schools.DumpAny(state), Is.EqualTo(stateBefore));
        Assert.That(Schools.Dump(changed), Is.EqualTo(snapshotBefore));
        Assert.That(state.Accounts, Is.SameAs(accounts));
    }

    [Test]
    public void Plan_SameInputsTwice_SamePlan()
    {
        var state = Plans.Imported(Schools.Small);
        var changed = SnapshotMutations.MovePupil(Schools.Small, Schools.Small.Pupils[2].EleveId, "3B");

        var first = Plans.Plan(changed, state, Plans.Options(idPrefix: "acc-x-"));
        var second = Plans.Plan(changed, state, Plans.Options(idPrefix: "acc-x-"));

        Assert.That(Schools.DumpAny(second), Is.EqualTo(Schools.DumpAny(first)));
    }

    [Test]
    public void Prepare_DryRun_ShowsThePlanAndLeavesTheStateAlone()
    {
        var state = Plans.Imported(Schools.Small);
        var before = Schools.DumpAny(state);
        var inputs = Schools.Inputs(SnapshotMutations.RemovePupil(Schools.Small, Schools.Small.Pupils[0].EleveId));

        var outcome = DirectoryImport.Prepare(inputs, state, Plans.Options());

        Assert.That(outcome.Succeeded, Is.True);
        Assert.That(outcome.Plan!.Suspended, Is.Not.Empty);
        Assert.That(Schools.DumpAny(state), Is.EqualTo(before));
    }

    [Test]
    public void Prepare_MalformedFile_NoPlanAtAll()
    {
        var state = Plans.Imported(Schools.Small);
        var texts = Schools.Texts(SnapshotMutations.RemovePupil(Schools.Small, Schools.Small.Pupils[0].EleveId));
        texts["Structures.xml"] = texts["Structures.xml"].ReplaceFirst("</GROUPES>", "</GROUPE>");

        var outcome = DirectoryImport.Prepare(Schools.Inputs(texts), state, Plans.Options());

        Assert.That(outcome.Succeeded, Is.False);
        Assert.That(outcome.Plan, Is.Null);
        Assert.That(outcome.Errors.Single().File, Is.EqualTo("Structures.xml"));
    }
}
