# source: https://github.com/Rayzhangzirui/pinn/blob/main/pinn.py
# reported: The solver computes PDE derivatives with tf.gradients inside its @tf.function methods (get_grad, loss_fn, train_step); a comment in the file warns that only the eager debug switch (run_functions_eagerly) breaks this. Here it is left off.
# observed (TF 2.21): every tf.gradients call runs while tracing the @tf.function train step (graph mode), the tape gradient w.r.t. the network weights and the two PDE parameters is real, two Adam steps run.
import numpy as np
import tensorflow as tf

DTYPE = 'float32'
tf.keras.backend.set_floatx(DTYPE)

glob_trainable_variables = []



# Define model architecture
class PINN(tf.keras.Model):
    """ Set basic architecture of the PINN model."""

    def __init__(self,
                 output_dim=1,
                 input_dim=1,
                 num_hidden_layers=3,
                 num_neurons_per_layer=100,
                 activation='tanh',
                 kernel_initializer='glorot_normal',
                 output_transform=lambda x, u: u,
                 param=None,
                 **kwargs):
        super().__init__(**kwargs)

        self.num_hidden_layers = num_hidden_layers
        self.output_dim = output_dim
        self.input_dim = input_dim
        self.num_neurons_per_layer = num_neurons_per_layer

        # phyiscal parameters in the model
        self.param = param

        # Define NN architecture
        self.hidden = [tf.keras.layers.Dense(num_neurons_per_layer,
                                             activation=tf.keras.activations.get(activation),
                                             kernel_initializer=kernel_initializer)
                       for _ in range(self.num_hidden_layers)]
        self.out = tf.keras.layers.Dense(output_dim)
        self.output_transform = output_transform

        self.build(input_shape=(None, input_dim))

    def call(self, X):
        """Forward-pass through neural network."""
        Z = X
        for i in range(len(self.hidden)):
            Z = self.hidden[i](Z)
        Z = self.out(Z)
        Z = self.output_transform(X, Z)
        return Z


class Pde():
    """Fisher-KPP growth residual, u_t = D u_xx + RHO u (1 - u)."""

    def __init__(self, model, param):
        self.model = model
        self.param = param

    def getres(self, xr, ires):
        X = tf.convert_to_tensor(xr[ires, :])
        u = self.model(X)
        u_X = tf.gradients(u, X)[0]
        u_t = u_X[:, 0:1]
        u_x = u_X[:, 1:2]
        u_xx = tf.gradients(u_x, X)[0][:, 1:2]
        res = u_t - (self.param['rD'] * u_xx + self.param['rRHO'] * u * (1.0 - u))
        return {'residual': res, 'u': u}


class PINNSolver():
    def __init__(self, model, pde, flosses, xr=None, xdat=None, options=None):
        self.model = model
        self.pde = pde
        self.flosses = flosses
        self.options = options

        self.info = {}  # empty dictionary to store information

        # set up data
        self.xr = (xr).astype(DTYPE)  # collocation point
        self.xdat = (xdat).astype(DTYPE)  # data point

        self.alphas = self.options['weights']
        self.weight_keys = list(self.alphas.keys())

        # Initialize history of losses and global iteration counter
        self.hist = []
        self.iter = 0

        global glob_trainable_variables
        glob_trainable_variables += self.model.trainable_variables
        glob_trainable_variables += [self.model.param['rD'], self.model.param['rRHO']]

    @tf.function
    def loss_fn(self):
        uwlosses = {}
        total = 0.0
        for key in self.weight_keys:
            uwlosses[key] = self.flosses[key]()
            total += self.alphas[key] * uwlosses[key]

        uwlosses['total'] = total
        return uwlosses

    @tf.function
    def get_grad(self):
        """ get loss, residual, gradient
        called by both solve_with_TFoptimizer and solve_with_ScipyOptimizer, need tf.function
        """
        with tf.GradientTape(persistent=True, watch_accessed_variables=True) as tape:
            # This tape is for derivatives with
            # respect to trainable variables
            loss = self.loss_fn()

        g = tape.gradient(loss['total'], glob_trainable_variables)
        del tape

        return loss, g

    def solve_with_TFoptimizer(self, optimizer, N=10000, patience=1000):
        """This method performs a gradient descent type optimization."""

        @tf.function
        def train_step():
            loss, grad_theta = self.get_grad()

            # Perform gradient descent step
            optimizer.apply_gradients(zip(grad_theta, glob_trainable_variables))
            return loss

        best_loss = 1e6
        for i in range(N):
            loss = train_step()
            self.current_loss = loss
            self.callback()
            if self.current_loss['total'].numpy() < best_loss:
                best_loss = self.current_loss['total'].numpy()
        self.info['tfadamiter'] = i

    def callback(self):
        self.hist.append(self.current_loss['total'].numpy())
        print('It {:05d}: loss = {:10.4e}'.format(self.iter, self.hist[-1]))
        self.iter += 1


param = {'rD': tf.Variable(1.0, dtype=DTYPE), 'rRHO': tf.Variable(1.0, dtype=DTYPE)}
model = PINN(input_dim=2, num_hidden_layers=2, num_neurons_per_layer=8, param=param)
pde = Pde(model, param)

xr = np.random.rand(16, 2)
xdat = np.random.rand(8, 2)
udat = np.random.rand(8, 1).astype(DTYPE)
ires = np.arange(16)

flosses = {
    'res': lambda: tf.reduce_mean(tf.square(pde.getres(solver.xr, ires)['residual'])),
    'udat': lambda: tf.reduce_mean(tf.square(model(solver.xdat) - udat)),
}
options = {'weights': {'res': 1.0, 'udat': 1.0}}
solver = PINNSolver(model, pde, flosses, xr=xr, xdat=xdat, options=options)
solver.solve_with_TFoptimizer(tf.keras.optimizers.Adam(learning_rate=1e-3), N=2)
