using Preau.Plugins.Directory.Fixtures;
using Preau.Plugins.Directory.Model;
using Preau.Plugins.Directory.Tests.Support;

namespace Preau.Plugins.Directory.Tests.Fixtures;

/// <summary>The synthetic school generator: deterministic, the requested sizes, coherent.</summary>
public class SyntheticSchoolTests
{
    [Test]
    public void Generate_SameOptions_SameSchool()
    {
        var options = Schools.SmallOptions;

        Assert.That(Schools.Dump(SyntheticSchool.Generate(options)), Is.EqualTo(Schools.Dump(Schools.Small)));
        Assert.That(Schools.Dump(SyntheticSchool.Generate(options with { Seed = 7 })), Is.Not.EqualTo(Schools.Dump(Schools.Small)));
    }

    [Test]
    public void Generate_SameSchool_SameBytes()
    {
        var first = FixtureFiles.Contents(Schools.Small, FixtureFiles.EncodingOf(FixtureEncoding.Latin9));
        var second = FixtureFiles.Contents(SyntheticSchool.Generate(Schools.SmallOptions), FixtureFiles.EncodingOf(FixtureEncoding.Latin9));

        Assert.That(second.Select(f => f.Bytes), Is.EqualTo(first.Select(f => f.Bytes)));
    }

    [Test]
    public void Generate_EveryReferenceResolves()
    {
        var s = Schools.Small;
        var structures = s.Structures.ToDictionary(x => x.Code);
        var pupils = s.Pupils.Select(p => p.EleveId).ToHashSet();
        var staff = s.Staff.Select(x => x.ExternalId).ToHashSet();

        Assert.That(s.Pupils.Select(p => structures[p.ClassCode!].Type), Is.All.EqualTo(StructureType.Class));
        Assert.That(s.Pupils.SelectMany(p => p.GroupCodes).Select(g => structures[g].Type), Is.All.EqualTo(StructureType.Group));
        Assert.That(s.ParentLinks.All(l => pupils.Contains(l.EleveId)), Is.True);
        Assert.That(s.Services.Select(x => x.StaffExternalId).Concat(s.ProfsPrincipaux.Select(p => p.StaffExternalId)).All(staff.Contains), Is.True);
        Assert.That(s.ProfsPrincipaux.Select(p => p.ClassCode), Is.EquivalentTo(s.Structures.Where(x => x.Type == StructureType.Class).Select(x => x.Code)));
        Assert.That(s.Pupils.Count(p => p.Ine is null), Is.GreaterThan(0));
    }

    [Test]
    public void Generate_Lycee2000_HasTheIssuesSizes()
    {
        var lycee = SyntheticSchool.Generate(SyntheticSchoolOptions.Lycee2000);

        Assert.That(lycee.Pupils, Has.Count.EqualTo(2000));
        Assert.That(lycee.Staff, Has.Count.EqualTo(150));
        Assert.That(lycee.Responsables, Has.Count.InRange(3300, 3700));
        Assert.That(lycee.Levels.Select(l => l.Code), Is.EqualTo(new[] { "2NDE", "1ERE", "TLE" }));
        Assert.That(lycee.Structures.Count(s => s.Type == StructureType.Class), Is.EqualTo(60));
        Assert.That(lycee.Pupils.Where(p => p.ClassCode!.StartsWith('1')).Select(p => p.GroupCodes.Count(g => g.Contains("SPE", StringComparison.Ordinal))), Is.All.EqualTo(3));
    }
}
