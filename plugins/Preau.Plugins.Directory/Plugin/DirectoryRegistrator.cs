using Microsoft.Extensions.DependencyInjection;
using Preau.Plugins.Commands;
using Preau.Plugins.Directory.Model;
using Preau.Plugins.Directory.Plugin.Search;
using Preau.Plugins.Http;

namespace Preau.Plugins.Directory.Plugin;

/// <summary>The plugin's entry point: the « annuaire » service, the import verbs, the import and
/// directory API.</summary>
public sealed class DirectoryRegistrator : IPluginRegistrator
{
    /// <inheritdoc />
    public void Register(IServiceCollection services, PluginContext context)
    {
        services.AddSingleton(AnnuaireService.Declaration);
        services.AddSingleton<ActivationCodeStore>();
        services.AddSingleton<DirectoryImporter>();
        services.AddSingleton<ImportJobs>();
        services.AddSingleton<IPluginCommand>(sp => new ImportCommand(sp.GetRequiredService<DirectoryImporter>(), ImportScope.Siecle));
        services.AddSingleton<IPluginCommand>(sp => new ImportCommand(sp.GetRequiredService<DirectoryImporter>(), ImportScope.Sts));
        services.AddSingleton<IPluginEndpoints, ImportEndpoints>();
        services.AddSingleton<IPluginEndpoints, CodesEndpoints>();
        services.AddSingleton<DirectoryIndexCache>();
        services.AddSingleton<IPluginEndpoints, DirectoryEndpoints>();
    }
}
