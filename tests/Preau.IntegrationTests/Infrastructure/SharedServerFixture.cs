namespace Preau.IntegrationTests.Infrastructure;

/// <summary>A fixture whose tests share one server over a fresh copy of the demo school.</summary>
[Parallelizable(ParallelScope.None)]
public abstract class SharedServerFixture
{
    private protected TestServer Server { get; private set; } = null!;

    /// <summary>Settings this fixture's server needs beyond the defaults.</summary>
    private protected virtual void Configure(Dictionary<string, string?> settings)
    {
    }

    [OneTimeSetUp]
    public async Task StartServer() => Server = await TestServer.StartAsync(Configure);

    [OneTimeTearDown]
    public async Task StopServer() => await Server.DisposeAsync();
}
