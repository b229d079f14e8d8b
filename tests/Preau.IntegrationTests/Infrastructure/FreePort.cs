using System.Net;
using System.Net.Sockets;

namespace Preau.IntegrationTests.Infrastructure;

/// <summary>Loopback ports nobody listens on, for servers started by tests.</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
