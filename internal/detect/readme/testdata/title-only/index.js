express
