console.log('skip generate')
