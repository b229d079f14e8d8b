using Preau.Core.Directory;
using Preau.Core.Storage;
using Preau.Core.Tests.Fakes;

namespace Preau.Core.Tests.Directory;

/// <summary>Imports that delete classes and groups: every deletion audited with what it carried, an
/// unknown code refusing the import before anything is written.</summary>
public class DirectoryImportTests
{
    [Test]
    public void Import_RemovingAStructure_AuditsEachDeletionWithWhatItCarried()
    {
        var fixture = new PortalFixture();
        var data = fixture.Directory.Graph.Data;
        var pupils = fixture.Directory.Graph.PupilsOf("6A").Count;
        var teachers = fixture.Directory.Graph.TeachersOf("6A").Count;

        fixture.Directory.Import(data with { Accounts = [] }, ["6a", "6A"], "plugin:feed");

        var removals = fixture.Stores.Query(new AuditQuery(Action: "structure.remove"));
        Assert.That(removals.Select(e => (e.Actor, e.Detail)), Is.EqualTo(new[]
        {
            ("plugin:feed", $"6A (Class, « 6e A »): {pupils} pupil(s), {teachers} teacher(s)"),
        }));
        Assert.That(fixture.Stores.Query(new AuditQuery(Action: "directory.import")), Has.Count.EqualTo(1));
    }

    [Test]
    public void Import_RemovingAnUnknownStructure_RefusedNothingWritten()
    {
        var fixture = new PortalFixture();
        var graph = fixture.Directory.Graph;

        var refused = Assert.Throws<DirectoryException>(() => fixture.Directory.Import(graph.Data with { Accounts = [] }, ["9Z"], "plugin:feed"));

        Assert.That(refused!.Message, Does.Contain("'9Z'"));
        Assert.That(fixture.Directory.Graph, Is.SameAs(graph));
        Assert.That(fixture.Stores.AuditEntries, Is.Empty);
    }

    [Test]
    public void Import_RemovingAClassOpenToOutsideMail_ClosesItSoTheCodeStartsClosedAgain()
    {
        var fixture = new PortalFixture();
        var policy = fixture.Policy();
        fixture.Directory.StructuresRemoved += (codes, actor) => policy.ForgetClasses(codes, actor);
        policy.SetExternalForClass("6A", open: true, "admin");
        policy.SetExternalForClass("5B", open: true, "admin");

        fixture.Directory.Import(fixture.Directory.Graph.Data with { Accounts = [] }, ["6a"], "plugin:feed");

        Assert.That(policy.State.ExternalOpenClasses, Is.EqualTo(new[] { "5B" }));
        var closed = fixture.Stores.Query(new AuditQuery(Action: "policy.external")).Single(e => e.Actor == "plugin:feed");
        Assert.That((closed.Actor, closed.Detail), Is.EqualTo(("plugin:feed", "classes 6A closed: removed from the directory")));
    }
}
