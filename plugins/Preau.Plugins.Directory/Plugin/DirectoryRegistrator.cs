using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Preau.Plugins.Commands;
using Preau.Plugins.Directory.Model;
using Preau.Plugins.Directory.Plugin.Actions;
using Preau.Plugins.Directory.Plugin.Activation;
using Preau.Plugins.Directory.Plugin.Search;
using Preau.Plugins.Http;

namespace Preau.Plugins.Directory.Plugin;

/// <summary>The plugin's entry point: the « annuaire » service, the import verbs, the import and
/// directory API, the card's actions and account activation.</summary>
public sealed class DirectoryRegistrator : IPluginRegistrator
{
    /// <inheritdoc />
    public void Register(IServiceCollection services, PluginContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        services.AddSingleton(AnnuaireService.Declaration);
        services.AddSingleton<ActivationCodeStore>();
        services.AddSingleton<DirectoryWriteGate>();
        services.AddSingleton<ManualFieldStore>();
        services.AddSingleton<ExternalIdStore>();
        services.AddSingleton<DirectoryImporter>();
        services.AddSingleton<ImportJobs>();
        services.AddSingleton<IPluginCommand>(sp => new ImportCommand(sp.GetRequiredService<DirectoryImporter>(), ImportScope.Siecle));
        services.AddSingleton<IPluginCommand>(sp => new ImportCommand(sp.GetRequiredService<DirectoryImporter>(), ImportScope.Sts));
        services.AddSingleton<IPluginEndpoints, ImportEndpoints>();
        services.AddSingleton<IPluginEndpoints, CodesEndpoints>();
        services.AddSingleton<DirectoryIndexCache>();
        services.AddSingleton<CardView>();
        services.AddSingleton<AccountWriter>();
        services.AddSingleton<ActionRunner>();
        services.AddSingleton<IPluginEndpoints, DirectoryEndpoints>();
        services.AddSingleton<IPluginEndpoints, CatalogueEndpoints>();
        services.AddSingleton<IPluginEndpoints, ProfileEndpoints>();
        services.AddSingleton<IPluginEndpoints, ExternalEndpoints>();
        services.AddSingleton<IPluginEndpoints, StatusEndpoints>();
        services.AddSingleton<IPluginEndpoints, RubriqueEndpoints>();
        services.AddSingleton(sp => new ActivationThrottle(
            sp.GetRequiredService<TimeProvider>(),
            Limit(context, "ActivationFailuresPerLogin"),
            Limit(context, "ActivationFailuresPerAddress")));
        services.AddSingleton<IPluginEndpoints, ActivationEndpoints>();
        services.AddSingleton<IPluginEndpoints, ActivationInfoEndpoints>();
        services.AddSingleton(new WebmailModule("Annuaire") { Right = AnnuaireService.Search });
    }

    /// <summary>A positive failure limit from the plugin's settings, else the default (5).</summary>
    private static int Limit(PluginContext context, string name) =>
        context.Settings.TryGetValue(name, out var text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit > 0
            ? limit
            : ActivationThrottle.DefaultLimit;
}
