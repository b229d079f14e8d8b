using Preau.Core.Accounts;
using Preau.Core.Graph;

namespace Preau.Demo.Tests;

/// <summary>One generated school shared by the read-only tests.</summary>
internal static class DemoFixture
{
    private static readonly Lazy<GraphData> LazyData = new(DemoSchool.Generate);
    private static readonly Lazy<EstablishmentGraph> LazyGraph = new(() => EstablishmentGraph.Build(LazyData.Value));

    public static GraphData Data => LazyData.Value;

    public static EstablishmentGraph Graph => LazyGraph.Value;

    public static Account Login(string login) =>
        Graph.FindByLogin(login) ?? throw new InvalidOperationException($"no account {login}");

    public static string Id(string login) => Login(login).Id;

    public static IEnumerable<Account> OfProfile(Profile profile) => Data.Accounts.Where(a => a.Profile == profile);
}
