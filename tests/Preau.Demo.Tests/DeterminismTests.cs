using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Preau.Core.Graph;

namespace Preau.Demo.Tests;

public class DeterminismTests
{
    private const string PinnedFingerprint = "fdb13523862013c87cbf835a2c2d2f6e363cc721f92aa677d0f023e675352981";

    /// <summary>SHA-256 of the five exports, in order. Changes with the generator, or with the
    /// writers (update it with them).</summary>
    private const string PinnedExportsFingerprint = "4cf0ca12cf68c00553bf01f20e0e19df9aca17d9156b489af482b7883640bc3c";

    [Test]
    public void Generate_TwoRuns_GiveIdenticalAccountsAndRelations()
    {
        var a = DemoSchool.Generate();
        var b = DemoSchool.Generate();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(b.Accounts, Is.EqualTo(a.Accounts));
            Assert.That(b.Memberships, Is.EqualTo(a.Memberships));
            Assert.That(b.ParentLinks, Is.EqualTo(a.ParentLinks));
            Assert.That(b.Teachings, Is.EqualTo(a.Teachings));
            Assert.That(b.RubriqueMembers, Is.EqualTo(a.RubriqueMembers));
            Assert.That(b.Rubriques, Is.EqualTo(a.Rubriques));
            Assert.That(b.Structures.Select(s => (s.Code, s.Name, s.Kind, s.LevelCode, string.Join(",", s.ClassCodes))),
                Is.EqualTo(a.Structures.Select(s => (s.Code, s.Name, s.Kind, s.LevelCode, string.Join(",", s.ClassCodes)))));
            Assert.That(b.Subjects, Is.EqualTo(a.Subjects));
            Assert.That(b.Levels, Is.EqualTo(a.Levels));
        }
    }

    [Test]
    public void Generate_MatchesThePinnedFingerprint()
    {
        // Equal across processes and machines (no dependence on string hash randomisation). If the
        // generator is changed on purpose, update the pin: every generated login in the demo changes.
        Assert.That(Fingerprint(DemoSchool.Generate()), Is.EqualTo(PinnedFingerprint));
    }

    [Test]
    public void Exports_TwoRuns_GiveTheSameBytes_MatchingThePin()
    {
        var a = Exports.DemoExports.Render(DemoSchool.Generate());
        var b = Exports.DemoExports.Render(DemoSchool.Generate());
        Assert.That(b.Select(f => (f.RelativePath, f.Content)), Is.EqualTo(a.Select(f => (f.RelativePath, f.Content))));
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in a)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(file.RelativePath + "\n"));
            hash.AppendData(file.Content);
        }

        Assert.That(Convert.ToHexStringLower(hash.GetHashAndReset()), Is.EqualTo(PinnedExportsFingerprint));
    }

    private static string Fingerprint(GraphData data)
    {
        var text = new StringBuilder();
        foreach (var a in data.Accounts)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{a.Id}|{a.Login}|{a.DisplayName}|{a.Profile}|{a.Function}|{a.State}|{a.PersonId}|{a.ExternalId}");
        }

        foreach (var s in data.Structures)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{s.Code}|{s.Name}|{s.Kind}|{s.LevelCode}|{string.Join(",", s.ClassCodes)}");
        }

        text.AppendJoin('\n', data.Memberships).AppendJoin('\n', data.ParentLinks)
            .AppendJoin('\n', data.Teachings).AppendJoin('\n', data.RubriqueMembers);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
