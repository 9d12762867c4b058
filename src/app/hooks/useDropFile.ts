// Files or folders dropped anywhere on the page open like picked ones (folders walked by
// folder.ts); `dragging` outlines the page.
import { useState, type DragEvent } from 'react';
import { droppedFiles } from '../folder';

export function useDropFile(open: (files: Blob[]) => void) {
  const [dragging, setDragging] = useState(false);
  return {
    dragging,
    handlers: {
      onDragOver: (e: DragEvent) => {
        e.preventDefault();
        setDragging(true);
      },
      onDragLeave: () => setDragging(false),
      onDrop: (e: DragEvent) => {
        e.preventDefault();
        setDragging(false);
        void droppedFiles(e.dataTransfer).then(open);
      },
    },
  };
}
