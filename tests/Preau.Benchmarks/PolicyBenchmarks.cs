using BenchmarkDotNet.Attributes;
using Preau.Core.Accounts;
using Preau.Core.Graph;
using Preau.Core.Policy;
using Preau.Demo;

namespace Preau.Benchmarks;

/// <summary>The sending policy deciding 150 recipients (after expansion) in the demo school.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class PolicyBenchmarks
{
    private SendingPolicy _policy = null!;
    private Account _principal = null!;
    private Account _teacher = null!;
    private string[] _individuals = null!;
    private string[] _lists = null!;

    [GlobalSetup]
    public void Setup()
    {
        var graph = EstablishmentGraph.Build(DemoSchool.Generate());
        _policy = new SendingPolicy("demo.preau.test", () => graph, () => PolicySettings.Default, () => PolicyState.Default, (_, _) => false);
        _principal = graph.FindByLogin("principal")!;
        _teacher = graph.FindByLogin("prof.anglais")!;

        // 150 pupils of several classes, written one by one by the head teacher.
        _individuals = graph.Data.Accounts.Where(a => a.Profile == Profile.Eleve).Take(150).Select(a => $"{a.Login}@demo.preau.test").ToArray();

        // A teacher's lists: pupils, parents and teachers of the two classes taught (about 150 people).
        _lists = ["eleves.6a", "parents.6a", "profs.6a", "eleves.5b", "parents.5b"];
        _lists = _lists.Select(l => $"{l}@demo.preau.test").ToArray();
    }

    /// <summary>150 individual addresses.</summary>
    [Benchmark]
    public int Decide150Individuals()
    {
        var accepted = 0;
        foreach (var address in _individuals)
        {
            accepted += _policy.Decide(_principal, address).Recipients.Count;
        }

        return accepted;
    }

    /// <summary>Five list addresses expanding to about 150 members, each member checked by the rules.</summary>
    [Benchmark]
    public int DecideListsExpandingTo150()
    {
        var accepted = 0;
        foreach (var address in _lists)
        {
            accepted += _policy.Decide(_teacher, address).Recipients.Count;
        }

        return accepted;
    }
}
