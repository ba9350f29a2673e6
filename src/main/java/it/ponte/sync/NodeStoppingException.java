package it.ponte.sync;

/** A run asked for while this node is stopping: it is not started (another node, or this one once back, runs the next). */
public class NodeStoppingException extends RuntimeException {

    public NodeStoppingException(String node) {
        super("Ponte si sta arrestando (nodo " + node + "): la sincronizzazione non è stata avviata, riprovare tra poco.");
    }
}
