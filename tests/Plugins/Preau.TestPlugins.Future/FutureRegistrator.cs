using Microsoft.Extensions.DependencyInjection;
using Preau.Plugins;

namespace Preau.TestPlugins.Future;

/// <summary>Never called: the host refuses the plugin's API version first.</summary>
public sealed class FutureRegistrator : IPluginRegistrator
{
    /// <inheritdoc />
    public void Register(IServiceCollection services, PluginContext context)
    {
    }
}
