'use client';
import { useEffect, useState } from 'react';

/** Marks the print page ready (data-print-ready) a moment after hydration, when client charts have drawn. */
export function PrintReady({ autoPrint = false }: { autoPrint?: boolean }) {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let raf = 0;
    const timer = setTimeout(() => {
      raf = requestAnimationFrame(() => {
        setReady(true);
        if (autoPrint) window.print();
      });
    }, 250);
    return () => {
      clearTimeout(timer);
      cancelAnimationFrame(raf);
    };
  }, [autoPrint]);
  return <span hidden data-print-ready={ready ? 'true' : 'false'} />;
}
