import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';

/**
 * Draws one process instance's diagram and marks the path it took: steps and sequence flows passed
 * (audit-taken), steps still open (audit-active). Elements the history names but this diagram lacks
 * are skipped rather than failing the drawing.
 */
export async function drawDiagram(container, diagram, previous) {
  if (previous) previous.destroy();
  const viewer = new NavigatedViewer({ container });
  await viewer.importXML(diagram.xml);
  const canvas = viewer.get('canvas');
  const registry = viewer.get('elementRegistry');
  const mark = (ids, marker) => ids.filter((id) => registry.get(id)).forEach((id) => canvas.addMarker(id, marker));
  mark(diagram.activities, 'audit-taken');
  mark(diagram.flows, 'audit-taken');
  mark(diagram.active, 'audit-active');
  fitDiagram(container, canvas);
  container.dataset.rendered = diagram.processInstanceId;
  return viewer;
}

/** Diagrams are wide: the box takes the diagram's proportions, within limits, so it is not mostly blank. */
export function fitDiagram(container, canvas) {
  const inner = canvas.viewbox().inner;
  if (inner.width > 0) {
    const height = Math.round((container.clientWidth * inner.height) / inner.width) + 60;
    container.style.height = `${Math.min(560, Math.max(260, height))}px`;
    canvas.resized();
  }
  canvas.zoom('fit-viewport', 'auto');
}
