using Microsoft.Extensions.DependencyInjection;
using Preau.Plugins;

namespace Preau.TestPlugins.Broken;

/// <summary>Throws while registering.</summary>
public sealed class BrokenRegistrator : IPluginRegistrator
{
    /// <inheritdoc />
    public void Register(IServiceCollection services, PluginContext context) =>
        throw new InvalidOperationException("panne volontaire à l'enregistrement");
}
