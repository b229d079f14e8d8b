using Preau.Core.Graph;
using Preau.Core.Storage;
using Preau.PluginHost.Services;
using Preau.PluginHost.Tests.Infrastructure;
using Preau.Plugins.Graph;

namespace Preau.PluginHost.Tests;

/// <summary>Contract 1.3: a batch deletes classes and groups (<see cref="GraphBatch.RemovedStructures"/>)
/// with what hangs on them, in its one transaction, audited; a wrong deletion refuses the whole batch.</summary>
public class GraphRemovalTests
{
    [Test]
    public void RemovedClass_GoesWithItsMembershipsAndServices_GroupsNoLongerNameIt_Audited()
    {
        using var test = TestRuntime.Start([]);
        var directory = test.Runtime.Directory;
        var reader = new GraphReader(directory);
        var pupil = directory.Graph.FindById(directory.Graph.PupilsOf("5A").First())!;
        Assert.That(directory.Graph.TeachersOf("5A"), Is.Not.Empty);
        var groups = directory.Graph.Data.Structures.Where(s => s.ClassCodes.Contains("5A")).Select(s => s.Code).ToList();
        Assert.That(groups, Is.Not.Empty);
        var version = reader.Version;

        new GraphWriter(directory, "test-plugin").Apply(new GraphBatch
        {
            Source = "essai",
            Accounts = [pupil.ToRecord()],
            Memberships = [new MembershipRecord(pupil.Id, "5B")],
            RemovedStructures = ["5a"],
        });

        var graph = directory.Graph;
        Assert.That(graph.FindStructure("5A"), Is.Null);
        Assert.That(graph.FindStructureBySlug("5a"), Is.Null, "the list addresses of 5A are gone");
        Assert.That(graph.Data.Memberships.Where(m => m.StructureCode == "5A"), Is.Empty, "every pupil left 5A, listed in the batch or not");
        Assert.That(graph.Data.Teachings.Where(t => t.StructureCode == "5A"), Is.Empty);
        Assert.That(graph.StructuresOf(pupil.Id), Does.Contain("5B"));
        foreach (var code in groups)
        {
            Assert.That(graph.FindStructure(code)!.ClassCodes, Does.Not.Contain("5A").And.Not.Empty, code);
        }

        Assert.That(reader.Version, Is.Not.EqualTo(version));
        var audit = test.Runtime.Audit.Query(new AuditQuery(Action: "structure.remove"));
        Assert.That(audit.Single().Detail, Does.StartWith("5A (Class"));
        Assert.That(audit.Single().Actor, Does.Contain("plugin:test-plugin").And.Contain("essai"));

        test.Restart();
        Assert.That(test.Runtime.Directory.Graph.FindStructure("5A"), Is.Null, "the deletion is stored");
        Assert.That(test.Runtime.Directory.Graph.Data.Memberships.Where(m => m.StructureCode == "5A"), Is.Empty);
    }

    [Test]
    public void WrongDeletions_RefuseTheWholeBatch()
    {
        using var test = TestRuntime.Start([]);
        var directory = test.Runtime.Directory;
        var before = directory.Graph.Data;
        var pupil = directory.Find("eleve.6a")!;
        var batch = new GraphBatch
        {
            Accounts = [pupil.ToRecord() with { DisplayName = "Renommé" }],
            Structures =
            [
                new StructureRecord("5B", "5e B", StructureType.Class, "5E", []),
                new StructureRecord("6-ALL2", "Allemand", StructureType.Group, "6E", ["6A", "6B"]),
            ],
            Memberships = [new MembershipRecord(pupil.Id, "6A")],
            RemovedStructures = ["9Z", "5B", "6A"],
        };

        var refused = Assert.Throws<GraphBatchException>(() => new GraphWriter(directory, "test-plugin").Apply(batch));

        Assert.That(refused!.Errors, Has.Some.Contains("'9Z': there is none"));
        Assert.That(refused.Errors, Has.Some.Contains("5B is both written and deleted"));
        Assert.That(refused.Errors, Has.Some.Contains("group 6-ALL2: draws on class '6A', which the batch deletes"));
        Assert.That(refused.Errors, Has.Some.Contains($"membership of {pupil.Id}").And.Some.Contains("is deleted by the same batch"));
        Assert.That(directory.Graph.Data, Is.SameAs(before), "nothing written");
        Assert.That(directory.Graph.FindStructure("6A"), Is.Not.Null);
    }
}
