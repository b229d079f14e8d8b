using Preau.IntegrationTests.Infrastructure;
using Preau.IntegrationTests.Plugins;

namespace Preau.IntegrationTests.Annuaire;

/// <summary>A fixture's own server: the demo school with the directory plugin loaded.</summary>
public abstract class AnnuaireServerTests
{
    /// <summary>The server, started once for the fixture.</summary>
    private protected TestServer Server { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => Server = await PluginServer.StartAsync([AnnuaireHttp.Plugin]);

    [OneTimeTearDown]
    public async Task StopAsync() => await Server.DisposeAsync();

    /// <summary>The account id of a login.</summary>
    private protected string Id(string login) => AnnuaireHttp.IdOf(Server, login);
}
